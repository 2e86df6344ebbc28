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
        <svg
          aria-hidden="true"
          width="20"
          height="20"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
