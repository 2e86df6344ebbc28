import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSignedInUser } from '../auth/signed-in-user';
import { useSignOut } from '../auth/use-sign-out';

export function UserMenu() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const signOut = useSignOut();
  return (
    <Menu position="bottom-end" width={220} withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button variant="subtle" color="gray" px={6} aria-label={t('shell.userMenu', { name: me.name })}>
          <Avatar size="sm" alt="" />
          <Text component="span" ml="xs" visibleFrom="md" c="var(--mantine-color-text)" size="sm" maw={160} truncate>
            {me.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/security">
          {t('nav.security')}
        </Menu.Item>
        <Menu.Item component={Link} to="/account/notifications">
          {t('nav.notificationSettings')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item onClick={() => signOut.mutate()}>{t('shell.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
