import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/database';
import type { UserEmitter } from '../../platform/realtime/relay';
import { notificationsRoutes } from './notifications.routes';
import { createNotificationsService } from './notifications.service';

export type { NewNotification, NotificationsService } from './notifications.service';

/** The in-app notification centre (email, SMS and push channels join here). */
export function notificationsPlugin(app: FastifyInstance, deps: { db: Database; relay: UserEmitter }) {
  const notifications = createNotificationsService(deps);
  notificationsRoutes(app, notifications);
  return { notifications };
}
