import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { casesApi } from '../cases/cases.api';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';

const filters = { sort: 'updated', page: 1 } as const;

/** "Book a session": the specialists leading the client's care, each with their booking page. */
export function MySpecialistsPage() {
  const { t } = useTranslation();
  usePageTitle(t('scheduling.bookTitle'));
  const cases = useQuery({ queryKey: queryKeys.caseList(filters), queryFn: () => casesApi.list(filters) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('scheduling.bookTitle')}</Title>
      <QueryState query={cases}>
        {({ items }) => {
          const specialists = [...new Map(items.filter((c) => c.status !== 'archived').map((c) => [c.specialist.id, c.specialist])).values()];
          return specialists.length === 0 ? (
            <Text>{t('scheduling.noSpecialistYet')}</Text>
          ) : (
            <Stack gap="sm" component="ul" className="plain-list">
              {specialists.map((person) => (
                <Paper component="li" withBorder p="md" key={person.id}>
                  <Anchor component={Link} to={`/book/${person.id}`} fw={700}>
                    {t('scheduling.bookWith', { name: person.name })}
                  </Anchor>
                </Paper>
              ))}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
