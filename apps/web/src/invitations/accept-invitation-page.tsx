import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/use-me';
import { AuthCard } from '../ui/auth-card';
import { QueryState } from '../ui/query-state';
import { useFormatDate } from '../ui/use-format-date';
import { usePageTitle } from '../ui/use-page-title';
import { AcceptAsMember } from './accept-as-member';
import { AcceptAsNewUser } from './accept-as-new-user';
import { invitationsApi } from './invitations.api';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe();
  const formatDate = useFormatDate();
  const preview = useQuery({
    queryKey: queryKeys.invitationPreview(token),
    queryFn: () => invitationsApi.preview(token),
    enabled: token !== '',
  });

  if (!token) {
    return (
      <AuthCard title={t('invitation.title')}>
        <Alert color="red" role="alert">
          {t('invitation.missingToken')}
        </Alert>
      </AuthCard>
    );
  }

  const signInPath = `/sign-in?next=${encodeURIComponent(`/invitations/accept?token=${token}`)}`;
  return (
    <AuthCard title={t('invitation.title')}>
      <QueryState query={preview}>
        {(invitation) => (
          <Stack gap="md">
            <Text>
              <Trans
                i18nKey="invitation.summary"
                values={{ org: invitation.org_name, role: t(`roles.${invitation.role}`) }}
                components={{ strong: <strong /> }}
              />
            </Text>
            <Text size="sm" c="dimmed">
              {t('invitation.details', { email: invitation.email, date: formatDate(invitation.expires_at) })}
            </Text>
            {me.data ? (
              <AcceptAsMember token={token} invitedEmail={invitation.email} me={me.data} />
            ) : (
              <>
                <AcceptAsNewUser token={token} />
                <Text size="sm" ta="center">
                  {t('invitation.haveAccount')}{' '}
                  <Anchor component={Link} to={signInPath}>
                    {t('invitation.signIn')}
                  </Anchor>
                </Text>
              </>
            )}
          </Stack>
        )}
      </QueryState>
    </AuthCard>
  );
}
