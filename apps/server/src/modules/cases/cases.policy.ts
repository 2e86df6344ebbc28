import type { CaseDto, OrgRole } from '@tend/contracts';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { type CaseAccessRow, type CaseRow, casesRepository } from './cases.repository';

export type CaseAccessKind = CaseDto['my_access'];

/** How `userId` (with `role` in the org) reaches a case the database already let them see. */
export async function accessTo(tx: Tx, row: CaseRow, userId: string, role: OrgRole): Promise<CaseAccessKind> {
  if (row.clientUserId === userId || row.specialistUserId === userId) return accessFrom(row, userId, role, null);
  const grant = await casesRepository.accessOf(tx, row.id, userId);
  return accessFrom(row, userId, role, grant?.role ?? null);
}

/** The same, when the reader's own active grant on the case (if any) is already known. */
export function accessFrom(
  row: Pick<CaseRow, 'clientUserId' | 'specialistUserId'>,
  userId: string,
  role: OrgRole,
  grant: CaseAccessRow['role'] | null,
): CaseAccessKind {
  if (row.clientUserId === userId) return 'client';
  if (row.specialistUserId === userId) return 'primary';
  if (grant) return grant;
  if (role === 'org_admin') return 'org_admin';
  if (role === 'supervisor') return 'supervisor';
  // Row-level security showed the case, so one of the above holds; stay closed if it ever does not.
  throw new AppError('CASE.NOT_FOUND', 'No such case');
}

/** What each kind of access may do with a case. */
const ALLOWED = {
  read: ['client', 'primary', 'co_specialist', 'supervisor', 'org_admin'],
  edit: ['primary', 'co_specialist', 'supervisor', 'org_admin'],
  set_risk: ['primary', 'co_specialist', 'supervisor', 'org_admin'],
  change_status: ['primary', 'supervisor', 'org_admin'],
  transfer: ['primary', 'supervisor', 'org_admin'],
  manage_access: ['primary', 'org_admin'],
  read_history: ['primary', 'co_specialist', 'supervisor', 'org_admin'],
  // Who is on the care team: the client too, so they know who reads their record (ADR 0035).
  read_team: ['client', 'primary', 'co_specialist', 'supervisor', 'org_admin'],
  read_notes: ['primary', 'co_specialist', 'supervisor'],
  write_notes: ['primary', 'co_specialist'],
  cosign_notes: ['supervisor'],
  read_plan: ['client', 'primary', 'co_specialist', 'supervisor'],
  // Files: the care team and the client (who sees only what was shared with them or they uploaded).
  // The org admin runs the practice but is not on the care team, as with notes (ADR 0008).
  read_files: ['client', 'primary', 'co_specialist', 'supervisor'],
  write_files: ['client', 'primary', 'co_specialist'],
} as const satisfies Record<string, readonly CaseAccessKind[]>;
export type CaseAction = keyof typeof ALLOWED;

export function ensureAllowed(access: CaseAccessKind, action: CaseAction): void {
  if (!(ALLOWED[action] as readonly CaseAccessKind[]).includes(access)) {
    throw new AppError('AUTH.FORBIDDEN', 'Your access to this case does not allow this');
  }
}
