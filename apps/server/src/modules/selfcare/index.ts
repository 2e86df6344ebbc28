import type { FastifyInstance } from 'fastify';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { createMoodService } from './mood.service';
import { selfcareRoutes } from './selfcare.routes';

/** Self-care: the client's own mood log (more tools follow), shared with specialists only by consent. */
export function selfcarePlugin(app: FastifyInstance, deps: { db: Database; crypto: FieldCrypto }) {
  selfcareRoutes(app, createMoodService(deps), deps);
}
export { eraseMoodOf } from './mood.repository';
