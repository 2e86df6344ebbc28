import { autoPauseAt, type CaseDto, type CaseEvent, type CaseSummary, type Insurance } from '@tend/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import type { CaseloadLine } from './caseload.query';
import type { CaseEventRow, CaseRow } from './cases.repository';

/** Additional authenticated data binds each ciphertext to its row and field. */
export const caseAad = (caseId: string, field: 'title' | 'insurance') => `case:${caseId}:${field}`;
export const eventAad = (eventId: string) => `case_event:${eventId}:note`;

const iso = (d: Date | null) => (d ? d.toISOString() : null);
// A person who left the practice (or was erased) can no longer be read by its staff.
const nameOf = (names: Map<string, string>, id: string) => names.get(id) ?? '[unavailable]';
/** The case's client and specialist, each with the name the reader may see. */
const people = (c: Pick<CaseRow, 'clientUserId' | 'specialistUserId'>, names: Map<string, string>) => ({
  client: { id: c.clientUserId, name: nameOf(names, c.clientUserId) },
  specialist: { id: c.specialistUserId, name: nameOf(names, c.specialistUserId) },
});

export async function toCase(tx: Tx, crypto: FieldCrypto, row: CaseRow, names: Map<string, string>, myAccess: CaseDto['my_access']): Promise<CaseDto> {
  // Insurance is for the care team only (billing, authorisations); for the client it is not even decrypted, so
  // nothing added to this view later can carry it to them.
  const insuranceCiphertext = myAccess === 'client' ? null : row.insuranceCiphertext;
  const [title, insurance] = await Promise.all([
    crypto.open(tx, row.titleCiphertext, caseAad(row.id, 'title')),
    insuranceCiphertext ? crypto.open(tx, insuranceCiphertext, caseAad(row.id, 'insurance')) : null,
  ]);
  return {
    id: row.id,
    org_id: row.orgId,
    title: title ?? '[erased]',
    status: row.status,
    risk_level: row.riskLevel,
    jurisdiction: row.jurisdiction,
    ...people(row, names),
    insurance: insurance ? (JSON.parse(insurance) as Insurance) : null,
    opened_at: iso(row.openedAt),
    closed_at: iso(row.closedAt),
    last_session_at: iso(row.lastSessionAt),
    auto_pause_at: iso(autoPauseAt(row.status, row.lastSessionAt)),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    my_access: myAccess,
  };
}

/** A caseload line as the list shows it: only the title is opened (ADR 0029). */
export async function toCaseSummary(
  tx: Tx,
  crypto: FieldCrypto,
  line: CaseloadLine,
  names: Map<string, string>,
  myAccess: CaseDto['my_access'],
): Promise<CaseSummary> {
  const title = await crypto.open(tx, line.titleCiphertext, caseAad(line.id, 'title'));
  return {
    id: line.id,
    title: title ?? '[erased]',
    status: line.status,
    risk_level: line.riskLevel,
    jurisdiction: line.jurisdiction,
    ...people(line, names),
    last_session_at: line.lastSessionAt,
    auto_pause_at: iso(autoPauseAt(line.status, line.lastSessionAt === null ? null : new Date(line.lastSessionAt))),
    updated_at: line.updatedAt,
    my_access: myAccess,
  };
}

export async function toCaseEvent(tx: Tx, crypto: FieldCrypto, row: CaseEventRow, names: Map<string, string>): Promise<CaseEvent> {
  return {
    id: row.id,
    kind: row.kind,
    at: row.at.toISOString(),
    actor: row.actorUserId ? { id: row.actorUserId, name: nameOf(names, row.actorUserId) } : null,
    data: row.data,
    note: row.noteCiphertext ? ((await crypto.open(tx, row.noteCiphertext, eventAad(row.id))) ?? '[erased]') : null,
  };
}
