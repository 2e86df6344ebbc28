import type { FastifyInstance } from 'fastify';
import type { createRelay } from '../../platform/realtime/relay';
import { createConversationsService } from './conversations.service';
import { messagingRoutes } from './messaging.routes';
import { responseTimesRoutes } from './response-times.routes';
import { createResponseTimesService } from './response-times.service';
import { createMessagingService, type MessagingDeps } from './messaging.service';
import { createTypingRelay } from './messaging.typing';
import { createOfflineNotifier } from './offline-notice';
import type { NotificationsService } from '../notifications';

/** Case chat between a client and their care team, direct chats between colleagues and program chats, with risk detection on client messages and typing indicators. */
export async function messagingPlugin(
  app: FastifyInstance,
  deps: MessagingDeps & { relay: ReturnType<typeof createRelay>; notifications: NotificationsService },
) {
  messagingRoutes(app, createMessagingService(deps), createConversationsService(deps));
  responseTimesRoutes(app, createResponseTimesService(deps));
  // Someone away from the app hears about new messages through the notification centre and their channels.
  await createOfflineNotifier(deps).start();
  // "… is typing": relayed to the other participants over Socket.IO, never stored.
  deps.relay.on('chat.typing', createTypingRelay(deps));
}
export { eraseConversationsOf, eraseMessagesOf, eraseParticipationOf } from './messaging.repository';
export { TYPING_THROTTLE_MS } from './messaging.typing';
export { createOfflineNotifier, OFFLINE_NOTICE_QUEUE, type OfflineNotice } from './offline-notice';
