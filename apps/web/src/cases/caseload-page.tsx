import { type CaseStatus, type LastSessionFilter, lastSessionFilters, type RiskLevel } from '@tend/contracts';
import { Anchor, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { PagedTable } from '../ui/paged-table';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { CaseStatusBadge, RiskBadge } from './case-badges';
import { CaseloadCards } from './caseload-cards';
import { caseStatuses, CaseloadFilters, riskLevels } from './caseload-filters';
import { type CaseFilters, casesApi } from './cases.api';

function readFilters(params: URLSearchParams): CaseFilters {
  const status = params.get('status') as CaseStatus | null;
  const risk = params.get('risk') as RiskLevel | null;
  const seen = params.get('last_session') as LastSessionFilter | null;
  const sort = params.get('sort');
  return {
    status: status && caseStatuses.includes(status) ? status : undefined,
    risk: risk && riskLevels.includes(risk) ? risk : undefined,
    last_session: seen && lastSessionFilters.includes(seen) ? seen : undefined,
    sort: sort === 'risk' || sort === 'last_session' ? sort : 'updated',
    page: Math.max(1, Number(params.get('page')) || 1),
  };
}

/** The cases this person works on (a specialist) or oversees (supervisor, practice administrator). */
export function CaseloadPage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.title'));
  const me = useSignedInUser();
  const time = useOrgTime();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const cases = useQuery({ queryKey: queryKeys.caseList(filters), queryFn: () => casesApi.list(filters), placeholderData: keepPreviousData });
  const narrow = useMediaQuery('(max-width: 47.99em)') ?? false;
  const canOpen = me.active_role === 'specialist' || me.active_role === 'org_admin';

  const change = (changes: Partial<CaseFilters>) => {
    const next = { ...filters, page: 1, ...changes };
    const entries = Object.entries(next).filter(
      ([key, value]) => value !== undefined && !(key === 'page' && value === 1) && !(key === 'sort' && value === 'updated'),
    );
    setParams(new URLSearchParams(entries.map(([key, value]) => [key, String(value)])));
  };

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('cases.title')}</Title>
        {canOpen ? (
          <Button component={Link} to="/cases/new">
            {t('cases.new.action')}
          </Button>
        ) : null}
      </Group>
      <CaseloadFilters filters={filters} onChange={change} />
      <Text size="sm" c="dimmed">
        {t('cases.timesIn', { zone: time.zone })}
      </Text>
      {narrow ? (
        <CaseloadCards query={cases} onPageChange={(page) => change({ page })} />
      ) : (
        <PagedTable
          query={cases}
          label={t('cases.title')}
          empty={t('cases.empty')}
          columns={[
            t('cases.columns.client'),
            t('cases.columns.case'),
            t('cases.columns.status'),
            t('cases.columns.risk'),
            t('cases.columns.lastSession'),
            t('cases.columns.autoPause'),
          ]}
          onPageChange={(page) => change({ page })}
        >
          {(item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.client.name}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/cases/${item.id}`}>
                  {item.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <CaseStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>
                <RiskBadge level={item.risk_level} />
              </Table.Td>
              <Table.Td>{item.last_session_at ? time.dateTime(item.last_session_at) : t('cases.noSessionYet')}</Table.Td>
              <Table.Td>{item.auto_pause_at ? time.date(item.auto_pause_at) : t('cases.notScheduled')}</Table.Td>
            </Table.Tr>
          )}
        </PagedTable>
      )}
    </Stack>
  );
}
