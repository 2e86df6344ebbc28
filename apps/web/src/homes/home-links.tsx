import { Anchor, Paper, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';

export type HomeLink = { to: string; label: string; description: string };

/** Shortcuts to the pages this role can use; nothing else is offered. */
export function HomeLinks({ links, label }: { links: HomeLink[]; label: string }) {
  return (
    <nav aria-label={label}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" component="ul" className="plain-list">
        {links.map((link) => (
          <Paper component="li" withBorder p="md" key={link.to}>
            <Anchor component={Link} to={link.to} fw={600} size="lg">
              {link.label}
            </Anchor>
            <Text size="sm" mt={4}>
              {link.description}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </nav>
  );
}
