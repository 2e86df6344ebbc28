import type { CaseDto } from '@tend/contracts';

type Access = CaseDto['my_access'];

/** What each kind of access may do; mirrors the server's case policy so the page offers only what will work. */
const allowed = {
  setRisk: ['primary', 'co_specialist', 'supervisor', 'org_admin'],
  // Messaging-only care and the case's reply target (the server's "edit").
  setResponseTarget: ['primary', 'co_specialist', 'supervisor', 'org_admin'],
  changeStatus: ['primary', 'supervisor', 'org_admin'],
  transfer: ['primary', 'supervisor', 'org_admin'],
  manageAccess: ['primary', 'org_admin'],
  readHistory: ['primary', 'co_specialist', 'supervisor', 'org_admin'],
  readNotes: ['primary', 'co_specialist', 'supervisor'],
  writeNotes: ['primary', 'co_specialist'],
  cosignNotes: ['supervisor'],
  readFiles: ['primary', 'co_specialist', 'supervisor'],
  writeFiles: ['primary', 'co_specialist'],
} as const satisfies Record<string, readonly Access[]>;

export type CaseAbility = keyof typeof allowed;

export function can(access: Access, ability: CaseAbility): boolean {
  return (allowed[ability] as readonly Access[]).includes(access);
}

/** Closed, archived and transferred-out cases are kept for the record and no longer change hands. */
export function isOpen(status: CaseDto['status']): boolean {
  return status === 'draft' || status === 'active' || status === 'paused';
}
