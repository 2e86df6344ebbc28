import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignedInUser } from '../auth/signed-in-user';
import { navSections } from './nav-sections';

export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { pathname } = useLocation();
  const sections = navSections(me, t);
  // A case or a note page belongs under its list: the longest link that starts the path is the current one.
  const current = sections
    .flatMap((section) => section.links.map((link) => link.to))
    .filter((to) => pathname === to || pathname.startsWith(`${to}/`))
    .sort((a, b) => b.length - a.length)[0];

  return (
    <Stack gap="md">
      {sections.map((section) => (
        <div key={section.title}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
            {section.title}
          </Text>
          {section.links.map((link) => {
            const active = link.to === current;
            return (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={active}
                aria-current={active ? (pathname === link.to ? 'page' : 'true') : undefined}
                onClick={onNavigate}
              />
            );
          })}
        </div>
      ))}
    </Stack>
  );
}
