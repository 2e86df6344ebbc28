import { Anchor, AppShell, Box, Burger, Group } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { homePath } from '../auth/home-path';
import { useSignedInUser } from '../auth/signed-in-user';
import { NotificationBell } from '../notifications/notification-bell';
import { SosButton } from '../crisis/sos-button';
import { OfflineBanner } from '../offline/offline-banner';
import { LanguageSwitch } from './language-switch';
import { NavMenu } from './nav-menu';
import { OrgSwitcher } from './org-switcher';
import { RealtimeNotifications } from './realtime-notifications';
import { RealtimeSocketProvider } from './realtime-socket';
import { SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';
import { UserMenu } from './user-menu';

/** The signed-in shell: header, role navigation (a burger menu on phones) and the page. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const [opened, { toggle, close }] = useDisclosure(false);
  const mobile = useMediaQuery('(max-width: 47.99em)') ?? false;

  return (
    <RealtimeSocketProvider userId={me.id} orgId={me.active_org_id}>
      <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <SkipLink />
        <AppShell.Header>
          <Group h="100%" px="sm" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('shell.navigation')}
                aria-expanded={opened}
                aria-controls="main-navigation"
              />
              <Anchor component={Link} to={homePath(me)} fw={700} fz="xl" underline="never" c="var(--mantine-color-text)">
                Tend
              </Anchor>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {me.active_role === 'client' ? <SosButton /> : null}
              <Box visibleFrom="sm">
                <OrgSwitcher />
              </Box>
              <NotificationBell />
              <LanguageSwitch />
              <ThemeToggle />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="main-navigation" aria-label={t('shell.navigation')} inert={mobile && !opened}>
          <Box hiddenFrom="sm" mb="md">
            <OrgSwitcher />
          </Box>
          <NavMenu onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1}>
          <OfflineBanner planLink={me.active_role === 'client'} />
          <Outlet />
        </AppShell.Main>
        <RealtimeNotifications />
      </AppShell>
    </RealtimeSocketProvider>
  );
}
