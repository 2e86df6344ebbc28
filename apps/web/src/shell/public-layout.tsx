import { Anchor, Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { OfflineBanner } from '../offline/offline-banner';
import { LanguageSwitch } from './language-switch';
import { SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';

type Props = { children?: ReactNode; size?: number; unreachable?: boolean };

/** Around sign-in, registration, recovery, invitations and the offline pages: a slim header and one centred column. */
export function PublicLayout({ children, size = 460, unreachable = false }: Props) {
  return (
    <>
      <SkipLink />
      <Box component="header" px="md" py="sm" className="public-header">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to="/" fw={700} fz="xl" underline="never" c="var(--mantine-color-text)">
            Tend
          </Anchor>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <ThemeToggle />
          </Group>
        </Group>
      </Box>
      <Container component="main" id="main-content" tabIndex={-1} size={size} px="md" py="xl">
        <OfflineBanner unreachable={unreachable} />
        {children ?? <Outlet />}
      </Container>
    </>
  );
}
