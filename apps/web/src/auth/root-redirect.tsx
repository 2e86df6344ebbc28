import { Navigate } from 'react-router';
import { PageLoader } from '../ui/page-loader';
import { homePath } from './home-path';
import { useMe } from './use-me';

export function RootRedirect() {
  const me = useMe();
  if (me.isPending) return <PageLoader />;
  return <Navigate to={me.data ? homePath(me.data) : '/sign-in'} replace />;
}
