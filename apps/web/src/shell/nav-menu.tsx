import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useSignedInUser } from '../auth/signed-in-user';
import { navSections } from './nav-sections';

export function NavMenu({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const { pathname } = useLocation();

  return (
    <Stack gap="md">
      {navSections(me, t).map((section) => (
        <div key={section.title}>
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" px="sm" mb={4}>
            {section.title}
          </Text>
          {section.links.map((link) => {
            const active = pathname === link.to;
            return (
              <NavLink
                key={link.to}
                component={Link}
                to={link.to}
                label={link.label}
                active={active}
                aria-current={active ? 'page' : undefined}
                onClick={onNavigate}
              />
            );
          })}
        </div>
      ))}
    </Stack>
  );
}
