import {
  deliveriesQuery,
  delivery,
  notification,
  notificationPreferences,
  notificationsQuery,
  ok,
  pushKey,
  pushSubscription,
  pushSubscriptionCreated,
  unreadCount,
  updateNotificationPreferences,
  uuidParam,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { NotificationsService } from './notifications.service';
import type { PreferencesService } from './preferences.service';

const tags = ['notifications'];

export function notificationsRoutes(app: FastifyInstance, s: NotificationsService, prefs: PreferencesService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'My notifications, newest first (?unread=true for unread only)',
    tags,
    querystring: notificationsQuery,
    response: z.array(notification),
    access: { allowPendingMfa: true },
    handler: ({ principal, query }) => s.list(principal, query.unread === 'true', query.page, query.per_page),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications/unread-count',
    summary: 'How many notifications I have not read',
    tags,
    response: unreadCount,
    access: { allowPendingMfa: true },
    handler: ({ principal }) => s.unread(principal),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/:id/read',
    summary: 'Mark one notification read',
    tags,
    params: uuidParam,
    response: ok,
    handler: async ({ principal, params }) => {
      if (!(await s.markRead(principal, params.id))) throw new AppError('NOTIFICATION.NOT_FOUND', 'No such unread notification');
      return { ok: true as const };
    },
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/read-all',
    summary: 'Mark all my notifications read',
    tags,
    response: ok,
    handler: async ({ principal }) => {
      await s.markRead(principal, undefined);
      return { ok: true as const };
    },
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications/preferences',
    summary: 'My channels per category (in-app is always on) and my quiet hours',
    tags,
    response: notificationPreferences,
    handler: ({ principal }) => prefs.read(principal),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/notifications/preferences',
    summary: 'Choose channels per category and set or clear quiet hours (crisis notifications ignore quiet hours)',
    tags,
    body: updateNotificationPreferences,
    response: notificationPreferences,
    handler: ({ principal, body, request }) => prefs.update(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications/push/key',
    summary: "The server's VAPID public key, for PushManager.subscribe",
    tags,
    response: pushKey,
    handler: async () => prefs.pushKey(),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/notifications/push/subscriptions',
    summary: "Register this browser's push subscription (the same endpoint again replaces its keys)",
    tags,
    body: pushSubscription,
    response: pushSubscriptionCreated,
    status: 201,
    rateLimit: { max: 20, timeWindow: '1 minute', perUser: true },
    handler: ({ principal, body, request }) => prefs.subscribe(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/notifications/push/subscriptions/:id',
    summary: 'Stop push notifications to one browser',
    tags,
    params: uuidParam,
    response: ok,
    handler: async ({ principal, params, request }) => {
      await prefs.unsubscribe(principal, params.id, requestMeta(request));
      return { ok: true as const };
    },
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/notifications/deliveries',
    summary: 'My delivery log: every email, SMS and push attempt, newest first',
    tags,
    querystring: deliveriesQuery,
    response: z.array(delivery),
    handler: ({ principal, query }) => prefs.deliveries(principal, query.page, query.per_page),
  });
}
