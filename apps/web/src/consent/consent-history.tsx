import { Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { consentApi } from './consent.api';

type Props = { clientId?: string; names: Map<string, string> };

/** Every consent given and withdrawn, newest first: the record the practice keeps. */
export function ConsentHistory({ clientId, names }: Props) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const [page, setPage] = useState(1);
  const history = useQuery({ queryKey: queryKeys.consentHistory(clientId ?? null, page), queryFn: () => consentApi.history(page, clientId) });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-history-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="consent-history-heading">
          {t('consent.history.title')}
        </Title>
        <QueryState query={history}>
          {({ items, meta }) =>
            items.length === 0 ? (
              <Text>{t('consent.history.empty')}</Text>
            ) : (
              <Stack gap="xs">
                <Stack gap={6} component="ul" className="plain-list">
                  {items.map((event) => {
                    const recipient = event.recipient_id ? names.get(event.recipient_id) : undefined;
                    return (
                      <li key={event.id}>
                        <Text size="sm">
                          <Text span fw={600}>
                            {t(`consent.history.${event.action}`, { kind: t(`consent.kinds.${event.kind}`) })}
                          </Text>{' '}
                          {recipient ? `${t('consent.history.with', { name: recipient })} ` : ''}
                          {event.scope.length ? `(${event.scope.map((category) => t(`consent.categories.${category}`)).join(', ')}) ` : ''}·{' '}
                          {time.dateTime(event.at)}
                        </Text>
                        {event.reason ? <Text size="sm">{t('consent.history.reason', { reason: event.reason })}</Text> : null}
                      </li>
                    );
                  })}
                </Stack>
                <Pager meta={meta} onChange={setPage} />
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
