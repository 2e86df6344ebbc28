import type { FastifyInstance } from 'fastify';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { createExportService } from './export.service';
import { privacyRoutes } from './privacy.routes';
import { createRecordAccessService } from './record-access.service';

/** A person's rights over their data: who viewed my record (export and erasure follow). */
export function privacyPlugin(app: FastifyInstance, deps: { db: Database; crypto: FieldCrypto }) {
  privacyRoutes(app, { recordAccess: createRecordAccessService(deps), exports: createExportService(deps) });
}
