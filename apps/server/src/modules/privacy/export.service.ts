import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { casesForExport, type ExportedCase } from '../cases';
import { clinicalForExport, type ExportedForm, type ExportedGoal } from '../clinical';
import { consentsForExport, type ExportedConsent } from '../consent';
import { documentsForExport, type ExportedDocument } from '../files';
import { type RequestMeta, userAad, usersRepository } from '../identity';
import { inActiveOrg, orgsRepository } from '../orgs';

export type DataExport = {
  export_id: string;
  exported_at: string;
  practice: { id: string; name: string };
  profile: { id: string; name: string; email: string; phone: string | null; locale: string };
  cases: ExportedCase[];
  goals: Record<string, ExportedGoal[]>;
  forms: ExportedForm[];
  /** Files on the client's cases that they can see; each file's contents are downloaded from the portal. */
  documents: ExportedDocument[];
  consents: ExportedConsent[];
  /** What this export leaves out, and why. */
  not_included: string[];
};

/** A client's data in their active practice (GDPR Art. 15/20), read in their own context. Audited. */
export function createExportService(deps: { db: Database; crypto: FieldCrypto }) {
  const { crypto } = deps;
  return {
    collect: (p: Principal, format: 'json' | 'fhir', meta: RequestMeta): Promise<DataExport> =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        const user = await usersRepository.byId(tx, p.userId);
        const org = await orgsRepository.byId(tx, actor.orgId);
        if (!user || !org) throw new AppError('ORG.NOT_FOUND', 'No such organization');
        const cases = await casesForExport(tx, crypto, p.userId);
        const caseIds = cases.map((c) => c.id);
        const clinical = await clinicalForExport(tx, crypto, p.userId, caseIds);
        // Lists the files without opening any, in this transaction: the export's audit entry covers the read.
        const documents = await documentsForExport(tx, crypto, p.userId, caseIds);
        const exportId = uuidv7();
        await recordAudit(tx, actor, {
          action: 'privacy.export',
          resourceType: 'data_export',
          resourceId: exportId,
          subjectUserId: p.userId,
          purpose: 'data_subject_request',
          details: { format },
        });
        return {
          export_id: exportId,
          exported_at: new Date().toISOString(),
          practice: { id: org.id, name: org.name },
          profile: {
            id: user.id,
            name: (await crypto.open(tx, user.nameCiphertext, userAad(user.id, 'name'))) ?? '',
            email: (await crypto.open(tx, user.emailCiphertext, userAad(user.id, 'email'))) ?? '',
            phone: user.phoneCiphertext ? await crypto.open(tx, user.phoneCiphertext, userAad(user.id, 'phone')) : null,
            locale: user.locale,
          },
          cases,
          goals: clinical.goals,
          forms: clinical.forms,
          documents,
          consents: await consentsForExport(tx, crypto, actor.orgId, p.userId),
          not_included: [
            'Psychotherapy notes: kept apart from your record by law (HIPAA 45 CFR 164.501) and never exported.',
            'Progress notes: ask your practice; they release them on a request for access.',
            // Files run to 100 MB each; the portal already hands each one to the client by a short-lived link.
            'Contents of your documents: this export lists them; download each one from Documents on your My care page.',
          ],
        };
      }),
  };
}
