import { Alert, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { errorMessage } from '../i18n/error-message';
import { OfflineShell } from '../offline/offline-shell';
import { isUnreachable } from '../offline/unreachable';
import { PageLoader } from '../ui/page-loader';
import { SignedInUserContext } from './signed-in-user';
import { useMe } from './use-me';

/**
 * Lets signed-in users through; sends everyone else to sign in and back here afterwards. When the server cannot
 * be reached nobody can be signed in, so the offline pages (crisis lines, the kept safety plan) show instead.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (isUnreachable(me)) return <OfflineShell />;
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Container size="xs" py="xl">
        <Alert color="red" role="alert">
          {errorMessage(t, me.error)}
        </Alert>
      </Container>
    );
  }
  if (!me.data) {
    const next = encodeURIComponent(`${location.pathname}${location.search}`);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return (
    <SignedInUserContext value={me.data}>
      <Outlet />
    </SignedInUserContext>
  );
}
