import type { FastifyInstance } from 'fastify';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { schedulingRoutes } from './scheduling.routes';
import { createSchedulingService } from './scheduling.service';

/** Availability in the specialist's own zone, free slots, booking that cannot double-book, cancellation. */
export function schedulingPlugin(app: FastifyInstance, deps: { db: Database; crypto: FieldCrypto }) {
  const scheduling = createSchedulingService(deps);
  schedulingRoutes(app, scheduling);
  return { scheduling };
}
export { eraseAppointmentsOf } from './scheduling.repository';
