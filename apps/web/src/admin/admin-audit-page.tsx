import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { AuditTable } from '../audit/audit-table';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { adminApi } from './admin.api';
import { AuditVerifyPanel } from './audit-verify-panel';

export function AdminAuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.platformTitle'));
  const [page, setPage] = useState(1);
  const [orgId, setOrgId] = useState<string | null>(null);
  const orgs = useQuery({ queryKey: queryKeys.adminOrgsAll, queryFn: adminApi.allOrgs });
  const audit = useQuery({
    queryKey: queryKeys.adminAuditPage(page, orgId),
    queryFn: () => adminApi.audit(page, orgId),
    placeholderData: keepPreviousData,
  });
  const orgNames = new Map((orgs.data ?? []).map((org) => [org.id, org.name]));

  return (
    <Stack gap="lg">
      <Title order={1}>{t('audit.platformTitle')}</Title>
      <Text>{t('audit.platformIntro')}</Text>
      <AuditVerifyPanel orgNames={orgNames} />
      <NativeSelect
        label={t('audit.filterByOrg')}
        data={[{ value: '', label: t('audit.allOrgs') }, ...(orgs.data ?? []).map((org) => ({ value: org.id, label: org.name }))]}
        value={orgId ?? ''}
        onChange={(event) => {
          setOrgId(event.currentTarget.value || null);
          setPage(1);
        }}
        maw={360}
      />
      <QueryState query={audit}>
        {({ items, meta }) => (
          <Stack gap="sm">
            <AuditTable entries={items} orgNames={orgNames} />
            <Pager meta={meta} onChange={setPage} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
