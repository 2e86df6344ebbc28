import { ActionIcon, Indicator } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { notificationsApi } from './notifications.api';

/** The header bell: how many notifications are unread, kept fresh by the live socket. */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useQuery({ queryKey: queryKeys.unreadCount, queryFn: notificationsApi.unreadCount, refetchInterval: 120_000 });
  const unread = count.data?.unread ?? 0;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4}>
      <ActionIcon component={Link} to="/notifications" variant="default" size="lg" aria-label={t('notifications.bell', { count: unread })}>
        <span aria-hidden="true">🔔</span>
      </ActionIcon>
    </Indicator>
  );
}
