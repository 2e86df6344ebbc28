import type { Me } from '@tend/contracts';
import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../auth/signed-in-user';
import { usePageTitle } from '../ui/use-page-title';

function activeOrgName(me: Me): string | null {
  return me.memberships.find((membership) => membership.org_id === me.active_org_id)?.org_name ?? null;
}

/** The top of every home: which home this is, who you are, where you work, and whether 2FA still needs setting up. */
export function HomeGreeting({ title }: { title: string }) {
  const { t } = useTranslation();
  usePageTitle(title);
  const me = useSignedInUser();
  const orgName = activeOrgName(me);

  return (
    <Stack gap="sm">
      <Title order={1}>{title}</Title>
      <Text size="xl" fw={500}>
        {t('home.greeting', { name: me.name })}
      </Text>
      {orgName && me.active_role ? (
        <Text size="lg">
          {t('home.activeOrg', { org: orgName })} · {t(`roles.${me.active_role}`)}
        </Text>
      ) : null}
      {me.mfa_enrolment_required ? (
        <Alert color="red" variant="filled" title={t('home.mfaRequiredTitle')} role="alert">
          <Stack gap="sm" align="flex-start">
            <Text inherit>{t('home.mfaRequiredText')}</Text>
            <Button component={Link} to="/account/security" variant="white" color="red" h="auto" py={8} styles={{ label: { whiteSpace: 'normal' } }}>
              {t('home.mfaRequiredAction')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
    </Stack>
  );
}
