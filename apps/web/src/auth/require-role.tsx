import type { OrgRole } from '@tend/contracts';
import { Navigate, Outlet } from 'react-router';
import { homePath } from './home-path';
import { useSignedInUser } from './signed-in-user';

type Props = { roles?: readonly OrgRole[]; platformAdmin?: boolean };

/** Keeps each role's pages to that role; anyone else lands on their own home. */
export function RequireRole({ roles = [], platformAdmin = false }: Props) {
  const me = useSignedInUser();
  const allowed = (platformAdmin && me.platform_admin) || (me.active_role !== null && roles.includes(me.active_role));
  return allowed ? <Outlet /> : <Navigate to={homePath(me)} replace />;
}
