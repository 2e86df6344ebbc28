import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import { createDeliveryWorker, DELIVERY_QUEUE, type ChannelDeps } from './deliveries.service';
import { notificationsRoutes } from './notifications.routes';
import { createNotificationsService } from './notifications.service';
import { createPreferencesService } from './preferences.service';
import type { UserEmitter } from '../../platform/realtime/relay';

export { createNotificationsService, type NewNotification, type NotificationsService } from './notifications.service';
export { createDeliveryWorker } from './deliveries.service';

/** The notification centre: in-app live, then email, SMS and Web Push by each person's choices. */
export async function notificationsPlugin(app: FastifyInstance, deps: ChannelDeps & { relay: UserEmitter; config: Pick<Config, 'pushAllowLoopback'> }) {
  const notifications = createNotificationsService(deps);
  const preferences = createPreferencesService({
    db: deps.db,
    crypto: deps.crypto,
    pushPublicKey: deps.push.publicKey,
    pushAllowLoopback: deps.config.pushAllowLoopback,
  });
  const worker = createDeliveryWorker(deps);
  await deps.jobs.work<{ id: string }>(DELIVERY_QUEUE, async ({ id }) => {
    await worker.deliver(id);
  });
  notificationsRoutes(app, notifications, preferences);
  return { notifications };
}
