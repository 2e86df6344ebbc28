import { Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { OrgSettingsForm } from './org-settings-form';
import { orgApi } from './org.api';
import { useActiveOrgId } from './use-active-org-id';

export function OrgSettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('orgSettings.title'));
  const orgId = useActiveOrgId();
  const org = useQuery({ queryKey: queryKeys.org(orgId), queryFn: () => orgApi.get(orgId) });
  return (
    <Stack gap="lg" maw={560}>
      <Title order={1}>{t('orgSettings.title')}</Title>
      <QueryState query={org}>{(data) => <OrgSettingsForm key={data.id} org={data} />}</QueryState>
    </Stack>
  );
}
