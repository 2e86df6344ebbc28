import type { FastifyInstance } from 'fastify';
import { messagingRoutes } from './messaging.routes';
import { createMessagingService, type MessagingDeps } from './messaging.service';

/** Case chat between a client and their care team, with risk detection on client messages. */
export function messagingPlugin(app: FastifyInstance, deps: MessagingDeps) {
  messagingRoutes(app, createMessagingService(deps));
}
export { eraseConversationsOf } from './messaging.repository';
