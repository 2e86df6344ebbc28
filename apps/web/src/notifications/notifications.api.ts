import type { Notification } from '@tend/contracts';
import { api } from '../api/client';

export const notificationsPageSize = 20;

export const notificationsApi = {
  list: (page: number) => api.page<Notification>('/api/v1/notifications', { page, per_page: notificationsPageSize }),
  unreadCount: () => api.get<{ unread: number }>('/api/v1/notifications/unread-count'),
  markRead: (id: string) => api.post<{ ok: true }>(`/api/v1/notifications/${id}/read`),
  markAllRead: () => api.post<{ ok: true }>('/api/v1/notifications/read-all'),
};

/** The title in the interface language. */
export const notificationTitle = (n: Pick<Notification, 'title'>, language: string): string => (language === 'uk' ? n.title.uk : n.title.en);
