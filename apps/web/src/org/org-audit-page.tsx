import { Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { AuditTable } from '../audit/audit-table';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { orgApi } from './org.api';
import { useActiveOrgId } from './use-active-org-id';

export function OrgAuditPage() {
  const { t } = useTranslation();
  usePageTitle(t('audit.orgTitle'));
  const orgId = useActiveOrgId();
  const [page, setPage] = useState(1);
  const audit = useQuery({
    queryKey: queryKeys.orgAudit(orgId, page),
    queryFn: () => orgApi.audit(orgId, page),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('audit.orgTitle')}</Title>
      <Text>{t('audit.orgIntro')}</Text>
      <QueryState query={audit}>
        {({ items, meta }) => (
          <Stack gap="sm">
            <AuditTable entries={items} />
            <Pager meta={meta} onChange={setPage} />
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
