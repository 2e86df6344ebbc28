import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { NotificationItem } from './notification-item';
import { notificationsApi } from './notifications.api';

/** Everything the practice told this person, newest first, for every role. */
export function NotificationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('notifications.title'));
  const [page, setPage] = useState(1);
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: queryKeys.notificationPage(page), queryFn: () => notificationsApi.list(page) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
  const markRead = useMutation({ mutationFn: notificationsApi.markRead, onSettled: refresh });
  const markAll = useMutation({ mutationFn: notificationsApi.markAllRead, onSettled: refresh });
  const hasUnread = list.data?.items.some((item) => !item.read_at) ?? false;

  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('notifications.title')}</Title>
        {hasUnread ? (
          <Button variant="default" onClick={() => markAll.mutate()} loading={markAll.isPending}>
            {t('notifications.markAllRead')}
          </Button>
        ) : null}
      </Group>
      <FormError error={markRead.error ?? markAll.error} />
      <QueryState query={list}>
        {({ items, meta }) =>
          items.length === 0 ? (
            <Text>{t('notifications.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <Stack gap="sm" component="ul" className="plain-list">
                {items.map((item) => (
                  <NotificationItem key={item.id} item={item} onRead={(id) => markRead.mutate(id)} busy={markRead.isPending} />
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
