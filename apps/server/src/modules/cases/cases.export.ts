import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import { userNames } from '../orgs';
import { caseAad } from './cases.mapper';
import { casesRepository } from './cases.repository';

export type ExportedCase = {
  id: string;
  title: string;
  status: string;
  jurisdiction: string;
  specialist: { id: string; name: string };
  opened_at: string | null;
  closed_at: string | null;
  created_at: string;
};

/** A client's cases in the current org, for their data export (runs in the client's own context). */
export async function casesForExport(tx: Tx, crypto: FieldCrypto, clientUserId: string): Promise<ExportedCase[]> {
  const rows = await casesRepository.forClient(tx, clientUserId);
  const names = await userNames(
    tx,
    crypto,
    rows.map((r) => r.specialistUserId),
  );
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      title: (await crypto.open(tx, r.titleCiphertext, caseAad(r.id, 'title'))) ?? '[erased]',
      status: r.status,
      jurisdiction: r.jurisdiction,
      specialist: { id: r.specialistUserId, name: names.get(r.specialistUserId) ?? '' },
      opened_at: r.openedAt?.toISOString() ?? null,
      closed_at: r.closedAt?.toISOString() ?? null,
      created_at: r.createdAt.toISOString(),
    })),
  );
}
