import type { OrgRole } from '@tend/contracts';

// Listed here rather than imported as a value: a value import from '@tend/contracts' pulls zod into the bundle.
// Typing it as a record makes the compiler flag this list whenever the contract's roles change.
const roles: Record<OrgRole, true> = {
  client: true,
  specialist: true,
  co_specialist: true,
  supervisor: true,
  org_admin: true,
  eap_manager: true,
};

export const orgRoleList = Object.keys(roles) as OrgRole[];
