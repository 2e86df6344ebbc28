import { type ConsentGrant, type ConsentKind, DATA_SHARING_DEFAULT_DAYS } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { inActiveOrg, userNames } from '../orgs';
import { currentTemplates, reasonAad, signerAad, toGrant, toTemplate } from './consent.mapper';
import { createConsentReads } from './consent.reads';
import { consentRepository, type RecordRow, type TemplateRow } from './consent.repository';
import { signedHash } from './consent.signature';

/** Told of each revocation inside its transaction (e.g. to queue stopping a recording), so the reaction commits with it. */
export type RevocationListener = (tx: Tx, revoked: { orgId: string; clientUserId: string; kind: ConsentKind; sessionId: string | null }) => Promise<void>;
export type ConsentDeps = { db: Database; crypto: FieldCrypto; onRevoked?: RevocationListener | undefined };
type Jurisdiction = TemplateRow['jurisdiction'];
export type GrantInput = {
  template_id: string;
  signature_name: string;
  language: 'uk' | 'en';
  recipient_user_id?: string | undefined;
  scope?: string[] | undefined;
  expires_in_days?: number | undefined;
  session_id?: string | undefined;
};
export type TemplateInput = { kind: ConsentKind; jurisdiction: Jurisdiction; title_uk: string; title_en: string; body_uk: string; body_en: string };

const DAY_MS = 86_400_000;
const notForKind = (path: string) =>
  new AppError('REQUEST.VALIDATION', 'This consent does not take that field', [{ path, message: 'Not for this kind of consent' }]);

export function createConsentService(deps: ConsentDeps) {
  const { crypto: fields } = deps;

  /** One grant of this client as they see it (with their decrypted signature). */
  async function grantView(tx: Tx, grant: RecordRow): Promise<ConsentGrant> {
    const [template] = await consentRepository.templatesById(tx, [grant.templateId]);
    const [revocation] = await consentRepository.revocationsOf(tx, grant.orgId, grant.clientUserId, [grant.id]);
    const names = await userNames(tx, fields, [grant.recipientUserId]);
    const signerName = grant.signerNameCiphertext ? ((await fields.open(tx, grant.signerNameCiphertext, signerAad(grant.id))) ?? '[erased]') : '';
    return toGrant(grant, {
      template: template as TemplateRow,
      revokedAt: revocation?.at ?? null,
      recipientName: grant.recipientUserId ? (names.get(grant.recipientUserId) ?? null) : null,
      signerName,
      now: new Date(),
    });
  }

  /** Checks a grant request against its text; returns how many days it lasts (null: until revoked). */
  async function validateGrant(tx: Tx, orgId: string, template: TemplateRow, body: GrantInput): Promise<number | null> {
    const current = currentTemplates(await consentRepository.templates(tx, { kind: template.kind, jurisdiction: template.jurisdiction }));
    if (current[0]?.id !== template.id)
      throw new AppError('CONSENT.TEMPLATE_SUPERSEDED', 'This text has a newer version; sign the current one', { current_id: current[0]?.id });
    const sharing = template.kind === 'data_sharing';
    if (sharing && !body.recipient_user_id) throw new AppError('CONSENT.INVALID_RECIPIENT', 'Name the specialist you share with');
    if (sharing && !body.scope?.length) throw new AppError('CONSENT.SCOPE_REQUIRED', 'Choose what you share');
    if (!sharing && body.recipient_user_id) throw notForKind('recipient_user_id');
    if (!sharing && body.scope) throw notForKind('scope');
    if (template.kind !== 'recording' && body.session_id) throw notForKind('session_id');
    if (body.recipient_user_id && !(await consentRepository.isSpecialistHere(tx, body.recipient_user_id)))
      throw new AppError('CONSENT.INVALID_RECIPIENT', 'You can share only with a specialist of this practice', { org_id: orgId });
    return body.expires_in_days ?? (sharing ? DATA_SHARING_DEFAULT_DAYS : null);
  }

  return {
    /** The text in force per kind and jurisdiction for the caller's practice. */
    templates: (p: Principal, q: { jurisdiction?: Jurisdiction | undefined; kind?: ConsentKind | undefined }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async ({ tx }) => currentTemplates(await consentRepository.templates(tx, q)).map(toTemplate)),

    /** An org admin publishes the practice's own version n+1; earlier versions stay (grants point at them). */
    createTemplate: (p: Principal, body: TemplateInput, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['org_admin'], async ({ tx, actor }) => {
        await consentRepository.lockTemplate(tx, actor.orgId, body.kind, body.jurisdiction);
        const version = (await consentRepository.latestOrgVersion(tx, actor.orgId, body.kind, body.jurisdiction)) + 1;
        const id = uuidv7();
        await consentRepository.insertTemplate(tx, {
          id,
          orgId: actor.orgId,
          kind: body.kind,
          jurisdiction: body.jurisdiction,
          version,
          titleUk: body.title_uk,
          titleEn: body.title_en,
          bodyUk: body.body_uk,
          bodyEn: body.body_en,
          createdBy: p.userId,
        });
        await recordAudit(tx, actor, {
          action: 'consent.template_create',
          resourceType: 'consent_template',
          resourceId: id,
          purpose: 'consent',
          details: { kind: body.kind, jurisdiction: body.jurisdiction, version },
        });
        return toTemplate((await consentRepository.template(tx, id)) as TemplateRow);
      }),

    /** A client signs the current text for themselves, with their typed name. */
    grant: (p: Principal, body: GrantInput, meta: RequestMeta): Promise<ConsentGrant> =>
      inActiveOrg(deps, p, meta, null, async ({ tx, actor, role }) => {
        const template = await consentRepository.template(tx, body.template_id);
        if (!template) throw new AppError('CONSENT.TEMPLATE_NOT_FOUND', 'No such consent text');
        // A consent is the client's own signature: staff cannot give it for them (ADR 0006).
        if (role !== 'client') throw new AppError('AUTH.FORBIDDEN', 'Only clients give consent, for themselves');
        const days = await validateGrant(tx, actor.orgId, template, body);
        const at = new Date();
        const id = uuidv7();
        const row = {
          id,
          orgId: actor.orgId,
          clientUserId: p.userId,
          action: 'grant' as const,
          kind: template.kind,
          templateId: template.id,
          recipientUserId: body.recipient_user_id ?? null,
          scope: body.scope ?? [],
          sessionId: body.session_id ?? null,
          expiresAt: days === null ? null : new Date(at.getTime() + days * DAY_MS),
          language: body.language,
          signerNameCiphertext: await fields.sealForOrg(tx, actor.orgId, body.signature_name, signerAad(id)),
          signedHash: signedHash({
            templateId: template.id,
            version: template.version,
            text: body.language === 'uk' ? template.bodyUk : template.bodyEn,
            signer: body.signature_name,
            at,
            recipientUserId: body.recipient_user_id ?? null,
            scope: body.scope ?? [],
          }),
          ip: meta.ip,
          recordedBy: p.userId,
          at,
        };
        await consentRepository.insert(tx, row);
        await recordAudit(tx, actor, {
          action: 'consent.grant',
          resourceType: 'consent',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'consent',
          details: {
            kind: template.kind,
            template_version: template.version,
            jurisdiction: template.jurisdiction,
            ...(row.recipientUserId ? { recipient_user_id: row.recipientUserId, scope: row.scope } : {}),
            ...(row.sessionId ? { session_id: row.sessionId } : {}),
          },
        });
        return grantView(tx, (await consentRepository.record(tx, id)) as RecordRow);
      }),

    /** The client withdraws their own grant; it stops counting the moment this commits. Anyone else's grant: 404. */
    revoke: (p: Principal, grantId: string, reason: string | undefined, meta: RequestMeta): Promise<ConsentGrant> =>
      inActiveOrg(deps, p, meta, null, async ({ tx, actor }) => {
        await consentRepository.lockGrant(tx, grantId);
        const grant = await consentRepository.record(tx, grantId);
        if (!grant || grant.action !== 'grant' || grant.clientUserId !== p.userId || grant.orgId !== actor.orgId)
          throw new AppError('CONSENT.NOT_FOUND', 'No such consent of yours');
        if ((await consentRepository.revocationsOf(tx, grant.orgId, p.userId, [grantId])).length)
          throw new AppError('CONSENT.ALREADY_REVOKED', 'You already revoked this consent');
        const id = uuidv7();
        await consentRepository.insert(tx, {
          id,
          orgId: grant.orgId,
          clientUserId: p.userId,
          action: 'revoke',
          kind: grant.kind,
          templateId: grant.templateId,
          grantId,
          recipientUserId: grant.recipientUserId,
          sessionId: grant.sessionId,
          language: grant.language,
          ip: meta.ip,
          reasonCiphertext: reason ? await fields.sealForOrg(tx, grant.orgId, reason, reasonAad(id)) : null,
          recordedBy: p.userId,
        });
        await recordAudit(tx, actor, {
          action: 'consent.revoke',
          resourceType: 'consent',
          resourceId: grantId,
          subjectUserId: p.userId,
          purpose: 'consent',
          details: { kind: grant.kind, revocation_id: id },
        });
        await deps.onRevoked?.(tx, { orgId: grant.orgId, clientUserId: p.userId, kind: grant.kind, sessionId: grant.sessionId });
        return grantView(tx, grant);
      }),

    ...createConsentReads(deps),
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
