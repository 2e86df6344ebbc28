import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/signed-in-user';
import { RoleBadge } from '../ui/role-badge';
import { useSwitchOrg } from '../shell/use-switch-org';

/** Every practice the user belongs to, with a way to switch to another one. */
export function PracticeList() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const switchOrg = useSwitchOrg();
  if (me.memberships.length === 0) return <Text>{t('home.noPractices')}</Text>;

  return (
    <Stack gap="xs" component="ul" className="plain-list">
      {me.memberships.map((membership) => {
        const active = membership.org_id === me.active_org_id;
        return (
          <Group component="li" key={membership.org_id} justify="space-between" wrap="wrap" gap="xs">
            <Group gap="xs">
              <Text fw={600}>{membership.org_name}</Text>
              <RoleBadge role={membership.role} />
              {active ? <Badge variant="light">{t('home.current')}</Badge> : null}
            </Group>
            {active ? null : (
              <Button
                size="xs"
                variant="default"
                loading={switchOrg.isPending && switchOrg.variables === membership.org_id}
                onClick={() => switchOrg.mutate(membership.org_id)}
                aria-label={t('home.switchTo', { org: membership.org_name })}
              >
                {t('home.switch')}
              </Button>
            )}
          </Group>
        );
      })}
    </Stack>
  );
}
