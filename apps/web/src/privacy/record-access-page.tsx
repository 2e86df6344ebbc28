import { Paper, Stack, Text, Title } from '@mantine/core';
import type { RecordAccessEntry } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { privacyApi } from './privacy.api';

// Looks, however the module names them: `case.list`, `safety_plan.read`, `selfcare.mood_read`, `session.room_view`.
const readActions = /[._](read|view|list|export)$/;

function who(entry: RecordAccessEntry, t: TFunction): string {
  if (entry.actor?.name) return entry.actor.name;
  if (entry.actor?.role) return t(`roles.${entry.actor.role}` as 'roles.client', { defaultValue: entry.actor.role });
  return t('privacy.access.system');
}

/** Who viewed or changed the client's record, newest first, from the audit log. */
export function RecordAccessPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.access.title'));
  const time = useOrgTime();
  const [page, setPage] = useState(1);
  const list = useQuery({ queryKey: queryKeys.recordAccess(page), queryFn: () => privacyApi.recordAccess(page) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('privacy.access.title')}</Title>
      <Text>{t('privacy.access.intro')}</Text>
      <QueryState query={list}>
        {({ items, meta }) =>
          items.length === 0 ? (
            <Text>{t('privacy.access.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <Stack gap="xs" component="ul" className="plain-list">
                {items.map((entry) => (
                  <Paper component="li" withBorder p="sm" key={entry.id}>
                    <Text size="sm">{time.dateTime(entry.at)}</Text>
                    <Text fw={600}>
                      {t(readActions.test(entry.action) ? 'privacy.access.viewed' : 'privacy.access.changed', {
                        who: who(entry, t),
                        what: t(`privacy.resources.${entry.resource_type}` as 'privacy.resources.case', { defaultValue: t('privacy.resources.other') }),
                      })}
                    </Text>
                    {entry.org ? <Text size="sm">{entry.org.name}</Text> : null}
                  </Paper>
                ))}
              </Stack>
              <Pager meta={meta} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
