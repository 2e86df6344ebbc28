import { Navigate, Outlet } from 'react-router';
import { isUnreachable } from '../offline/unreachable';
import { PageLoader } from '../ui/page-loader';
import { homePath } from './home-path';
import { useMe } from './use-me';

/** Sign-in and registration pages: a signed-in user goes straight home instead. */
export function GuestOnly() {
  const me = useMe();
  if (isUnreachable(me)) return <Outlet />;
  if (me.isPending) return <PageLoader />;
  return me.data ? <Navigate to={homePath(me.data)} replace /> : <Outlet />;
}
