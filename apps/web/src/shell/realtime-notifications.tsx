import type { Notification } from '@tend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { io } from 'socket.io-client';
import { queryKeys } from '../api/query-keys';
import { i18n } from '../i18n/i18n';
import { notificationTitle } from '../notifications/notifications.api';
import { notify } from '../ui/notify';

/**
 * Listens on the user's Socket.IO room (the session cookie authenticates it) while signed in: each
 * notification refreshes the bell and lists, and shows a toast; an urgent one is red and stays.
 */
export function RealtimeNotifications({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const socket = io({ withCredentials: true });
    socket.on('notification', (event: Notification) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
      if (event.kind.startsWith('crisis')) void queryClient.invalidateQueries({ queryKey: queryKeys.crisisAlerts });
      notify({
        title: event.urgent ? i18n.t('notifications.urgent') : undefined,
        message: notificationTitle(event, i18n.language),
        color: event.urgent ? 'red' : 'teal',
        autoClose: event.urgent ? false : 8000,
      });
    });
    return () => {
      socket.disconnect();
    };
  }, [userId, queryClient]);
  return null;
}
