import { Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { ScrollTable } from '../ui/scroll-table';
import { useFormatDate } from '../ui/use-format-date';
import { usePageTitle } from '../ui/use-page-title';
import { adminApi } from './admin.api';

export function AdminOrgsPage() {
  const { t } = useTranslation();
  usePageTitle(t('adminOrgs.title'));
  const formatDate = useFormatDate();
  const [page, setPage] = useState(1);
  const orgs = useQuery({
    queryKey: queryKeys.adminOrgs(page),
    queryFn: () => adminApi.orgs(page),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('adminOrgs.title')}</Title>
      <QueryState query={orgs}>
        {({ items, meta }) =>
          items.length === 0 ? (
            <Text>{t('adminOrgs.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <ScrollTable label={t('adminOrgs.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('adminOrgs.name')}</Table.Th>
                    <Table.Th>{t('adminOrgs.region')}</Table.Th>
                    <Table.Th>{t('adminOrgs.timezone')}</Table.Th>
                    <Table.Th>{t('adminOrgs.members')}</Table.Th>
                    <Table.Th>{t('adminOrgs.created')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((org) => (
                    <Table.Tr key={org.id}>
                      <Table.Td>{org.name}</Table.Td>
                      <Table.Td>{org.region.toUpperCase()}</Table.Td>
                      <Table.Td>{org.timezone}</Table.Td>
                      <Table.Td>{org.members}</Table.Td>
                      <Table.Td>{formatDate(org.created_at)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              <Pager meta={meta} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
