import { useSignedInUser } from '../auth/signed-in-user';

/** The organization the user is working in; org pages are only routed when there is one. */
export function useActiveOrgId(): string {
  const me = useSignedInUser();
  if (!me.active_org_id) throw new Error('useActiveOrgId is used without an active organization');
  return me.active_org_id;
}
