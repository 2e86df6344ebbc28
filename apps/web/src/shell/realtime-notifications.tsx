import type { Notification } from '@tend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { type RiskFlag, withProvisionalFlag } from '../crisis/crisis.api';
import { i18n } from '../i18n/i18n';
import { notificationTitle } from '../notifications/notifications.api';
import { notify } from '../ui/notify';
import { useRealtimeEvent } from './realtime-socket';

/**
 * Listens on the user's Socket.IO room while signed in: each notification refreshes the bell and lists,
 * and shows a toast; an urgent one is red and stays. A risk flag refreshes the flags on the case page.
 */
export function RealtimeNotifications() {
  const queryClient = useQueryClient();
  useRealtimeEvent<Notification>('notification', (event) => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    if (event.kind.startsWith('crisis')) void queryClient.invalidateQueries({ queryKey: queryKeys.crisisAlerts });
    if (event.kind === 'risk.flag') {
      // Shown at once from the notification; the full flag (client, matched words) follows from the server.
      queryClient.setQueryData<RiskFlag[]>(queryKeys.riskFlags, (flags) => withProvisionalFlag(flags, event));
      void queryClient.invalidateQueries({ queryKey: queryKeys.riskFlags });
      void queryClient.invalidateQueries({ queryKey: queryKeys.crisisAlerts });
    }
    notify({
      title: event.urgent ? i18n.t('notifications.urgent') : undefined,
      message: notificationTitle(event, i18n.language),
      color: event.urgent ? 'red' : 'teal',
      autoClose: event.urgent ? false : 8000,
    });
  });
  return null;
}
