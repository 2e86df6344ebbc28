import { Anchor, Box, Container, Group } from '@mantine/core';
import { Link, Outlet } from 'react-router';
import { LanguageSwitch } from './language-switch';
import { SkipLink } from './skip-link';
import { ThemeToggle } from './theme-toggle';

/** Around sign-in, registration, recovery and invitations: a slim header and one centred card. */
export function PublicLayout() {
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
      <Container component="main" id="main-content" tabIndex={-1} size={460} px="md" py="xl">
        <Outlet />
      </Container>
    </>
  );
}
