import { Stack, Table, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { PagedTable } from '../ui/paged-table';
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
      <PagedTable
        query={orgs}
        label={t('adminOrgs.title')}
        empty={t('adminOrgs.empty')}
        columns={[t('adminOrgs.name'), t('adminOrgs.region'), t('adminOrgs.timezone'), t('adminOrgs.members'), t('adminOrgs.created')]}
        onPageChange={setPage}
      >
        {(org) => (
          <Table.Tr key={org.id}>
            <Table.Td>{org.name}</Table.Td>
            <Table.Td>{org.region.toUpperCase()}</Table.Td>
            <Table.Td>{org.timezone}</Table.Td>
            <Table.Td>{org.members}</Table.Td>
            <Table.Td>{formatDate(org.created_at)}</Table.Td>
          </Table.Tr>
        )}
      </PagedTable>
    </Stack>
  );
}
