import type { FastifyInstance } from 'fastify';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import type { createRelay } from '../../platform/realtime/relay';
import { schedulingRoutes } from './scheduling.routes';
import { createSchedulingService } from './scheduling.service';
import { sessionsRoutes } from './sessions.routes';
import { createSessionsService } from './sessions.service';

/** Availability in the specialist's own zone, free slots, booking that cannot double-book, and the session itself: waiting room, admission, signalling, end. */
export function schedulingPlugin(app: FastifyInstance, deps: { db: Database; crypto: FieldCrypto; relay: ReturnType<typeof createRelay> }) {
  const scheduling = createSchedulingService(deps);
  schedulingRoutes(app, scheduling);
  const sessions = createSessionsService(deps);
  sessionsRoutes(app, sessions);
  // WebRTC offers, answers and ICE candidates between the two people of a session.
  deps.relay.on('session.signal', (principal, payload) => sessions.signal(principal, payload));
  return { scheduling, sessions };
}
export { eraseAppointmentsOf } from './scheduling.repository';
