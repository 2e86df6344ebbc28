import { notification, notificationsQuery, ok, unreadCount, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error';
import { privateRoute } from '../../platform/http/route';
import type { NotificationsService } from './notifications.service';

const tags = ['notifications'];

export function notificationsRoutes(app: FastifyInstance, s: NotificationsService): void {
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
}
