import { Navigate } from 'react-router';
import { isUnreachable } from '../offline/unreachable';
import { PageLoader } from '../ui/page-loader';
import { homePath } from './home-path';
import { useMe } from './use-me';

/** Home for whoever is signed in; help now when the server cannot be reached (an installed app opening offline). */
export function RootRedirect() {
  const me = useMe();
  if (isUnreachable(me)) return <Navigate to="/crisis" replace />;
  if (me.isPending) return <PageLoader />;
  return <Navigate to={me.data ? homePath(me.data) : '/sign-in'} replace />;
}
