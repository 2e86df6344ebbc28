import type { Me, OrgRole } from '@tend/contracts';

const homeByRole: Record<OrgRole, string> = {
  org_admin: '/org',
  specialist: '/specialist',
  co_specialist: '/specialist',
  supervisor: '/specialist',
  eap_manager: '/eap',
  client: '/client',
};

export function roleHomePath(role: OrgRole): string {
  return homeByRole[role];
}

/** Where a user lands after signing in: each role has its own home. */
export function homePath(me: Me): string {
  if (me.platform_admin) return '/admin';
  return me.active_role ? homeByRole[me.active_role] : '/welcome';
}

/** Only same-origin paths are followed after sign-in, so a crafted link cannot send users elsewhere. */
export function safeNextPath(next: string | null): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : null;
}
