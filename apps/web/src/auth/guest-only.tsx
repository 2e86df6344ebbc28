import { Navigate, Outlet, useSearchParams } from 'react-router';
import { isUnreachable } from '../offline/unreachable';
import { PageLoader } from '../ui/page-loader';
import { homePath, safeNextPath } from './home-path';
import { useMe } from './use-me';

/**
 * Sign-in and registration pages: a signed-in user goes straight home instead, or back to the page that sent them
 * here (`?next=`): signing in re-renders this before its own navigation lands, and home would win over the link.
 */
export function GuestOnly() {
  const me = useMe();
  const [params] = useSearchParams();
  if (isUnreachable(me)) return <Outlet />;
  if (me.isPending) return <PageLoader />;
  return me.data ? <Navigate to={safeNextPath(params.get('next')) ?? homePath(me.data)} replace /> : <Outlet />;
}
