import type { CaseSummary } from '@tend/contracts';
import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../api/client';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { CaseStatusBadge, RiskBadge } from './case-badges';

type Props = { query: UseQueryResult<Page<CaseSummary>>; onPageChange: (page: number) => void };

/** The caseload on a phone: one card per case instead of a table that would scroll sideways. */
export function CaseloadCards({ query, onPageChange }: Props) {
  const { t } = useTranslation();
  const time = useOrgTime();
  return (
    <QueryState query={query}>
      {({ items, meta }) =>
        items.length === 0 ? (
          <Text>{t('cases.empty')}</Text>
        ) : (
          <Stack gap="sm">
            <Stack gap="sm" component="ul" className="plain-list" aria-label={t('cases.title')}>
              {items.map((item) => (
                <Paper component="li" withBorder p="sm" key={item.id}>
                  <Stack gap={6}>
                    <Anchor component={Link} to={`/cases/${item.id}`} fw={600}>
                      {item.title}
                    </Anchor>
                    <Text size="sm">{item.client.name}</Text>
                    <Group gap="xs" wrap="wrap">
                      <CaseStatusBadge status={item.status} />
                      <RiskBadge level={item.risk_level} />
                    </Group>
                    <Text size="sm">
                      {t('cases.columns.lastSession')}: {item.last_session_at ? time.dateTime(item.last_session_at) : t('cases.noSessionYet')}
                    </Text>
                    {item.auto_pause_at ? (
                      <Text size="sm">
                        {t('cases.columns.autoPause')}: {time.date(item.auto_pause_at)}
                      </Text>
                    ) : null}
                  </Stack>
                </Paper>
              ))}
            </Stack>
            <Pager meta={meta} onChange={onPageChange} />
          </Stack>
        )
      }
    </QueryState>
  );
}
