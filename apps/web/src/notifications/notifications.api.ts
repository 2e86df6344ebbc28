import type { Delivery, Notification, NotificationPreferences, PushSubscriptionBody, UpdateNotificationPreferences } from '@tend/contracts';
import { api } from '../api/client';

export const notificationsPageSize = 20;
export const deliveriesPageSize = 20;

export const notificationsApi = {
  list: (page: number) => api.page<Notification>('/api/v1/notifications', { page, per_page: notificationsPageSize }),
  unreadCount: () => api.get<{ unread: number }>('/api/v1/notifications/unread-count'),
  markRead: (id: string) => api.post<{ ok: true }>(`/api/v1/notifications/${id}/read`),
  markAllRead: () => api.post<{ ok: true }>('/api/v1/notifications/read-all'),
  preferences: () => api.get<NotificationPreferences>('/api/v1/notifications/preferences'),
  updatePreferences: (change: UpdateNotificationPreferences) => api.put<NotificationPreferences>('/api/v1/notifications/preferences', change),
  pushKey: () => api.get<{ public_key: string }>('/api/v1/notifications/push/key'),
  subscribePush: (subscription: PushSubscriptionBody) => api.post<{ id: string }>('/api/v1/notifications/push/subscriptions', subscription),
  unsubscribePush: (id: string) => api.delete<{ ok: true }>(`/api/v1/notifications/push/subscriptions/${id}`),
  deliveries: (page: number) => api.page<Delivery>('/api/v1/notifications/deliveries', { page, per_page: deliveriesPageSize }),
};

/** The title in the interface language. */
export const notificationTitle = (n: Pick<Notification, 'title'>, language: string): string => (language === 'uk' ? n.title.uk : n.title.en);
