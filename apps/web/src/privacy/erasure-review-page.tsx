import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { ErasureDecisionForm } from './erasure-decision-form';
import { privacyApi } from './privacy.api';

/** The org admin's queue of clients' erasure requests: decide the open ones, see what was kept and until when. */
export function ErasureReviewPage() {
  const { t } = useTranslation();
  usePageTitle(t('privacy.review.title'));
  const time = useOrgTime();
  const requests = useQuery({ queryKey: queryKeys.erasureRequests, queryFn: privacyApi.erasureRequests });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('privacy.review.title')}</Title>
      <Text>{t('privacy.review.intro')}</Text>
      <QueryState query={requests}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('privacy.review.none')}</Text>
          ) : (
            <Stack gap="md" component="ul" className="plain-list">
              {items.map((item) => (
                <Paper key={item.id} withBorder p="md" component="li" aria-labelledby={`erasure-${item.id}-name`}>
                  <Stack gap="xs">
                    <Group justify="space-between" wrap="wrap">
                      <Title order={2} size="h4" id={`erasure-${item.id}-name`}>
                        {item.client.name}
                      </Title>
                      <Badge variant="light" c="var(--mantine-color-text)">
                        {t(`privacy.erasure.status.${item.status}`)}
                      </Badge>
                    </Group>
                    <Text size="sm">{t('privacy.erasure.requestedAt', { time: time.dateTime(item.requested_at) })}</Text>
                    {item.reason ? <Text size="sm">{t('privacy.review.clientSaid', { reason: item.reason })}</Text> : null}
                    {item.decision_note ? <Text size="sm">{t('privacy.review.decided', { note: item.decision_note })}</Text> : null}
                    {item.holds.length > 0 ? (
                      <Stack gap={2} component="ul">
                        {item.holds.map((h) => (
                          <Text key={h.category} size="sm" component="li">
                            {t('privacy.review.heldUntil', {
                              category: t(`privacy.review.category.${h.category}`),
                              date: time.date(`${h.expires_on}T12:00:00Z`),
                              basis: h.basis,
                            })}
                            {h.released_at ? ` ${t('privacy.review.released')}` : ''}
                          </Text>
                        ))}
                      </Stack>
                    ) : null}
                    {item.status === 'requested' ? <ErasureDecisionForm request={item} /> : null}
                  </Stack>
                </Paper>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
