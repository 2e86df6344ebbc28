import type { FastifyInstance } from 'fastify';
import type { createRelay } from '../../platform/realtime/relay';
import { messagingRoutes } from './messaging.routes';
import { createMessagingService, type MessagingDeps } from './messaging.service';
import { createTypingRelay } from './messaging.typing';

/** Case chat between a client and their care team, with risk detection on client messages and typing indicators. */
export function messagingPlugin(app: FastifyInstance, deps: MessagingDeps & { relay: ReturnType<typeof createRelay> }) {
  messagingRoutes(app, createMessagingService(deps));
  // "… is typing": relayed to the other participants over Socket.IO, never stored.
  deps.relay.on('chat.typing', createTypingRelay(deps));
}
export { eraseConversationsOf } from './messaging.repository';
export { TYPING_THROTTLE_MS } from './messaging.typing';
