import type { FastifyInstance } from 'fastify';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import { createErasureService, ERASURE_JOB, HOLD_RELEASE_JOB } from './erasure.service';
import { createExportService } from './export.service';
import { privacyRoutes } from './privacy.routes';
import { createRecordAccessService } from './record-access.service';

export { createErasureService, ERASURE_JOB } from './erasure.service';

/** A person's rights over their data: who viewed my record, export (JSON, FHIR), erasure with legal holds. */
export async function privacyPlugin(app: FastifyInstance, deps: { db: Database; crypto: FieldCrypto; jobs: Jobs }) {
  const erasure = createErasureService(deps);
  privacyRoutes(app, { recordAccess: createRecordAccessService(deps), exports: createExportService(deps), erasure });
  await deps.jobs.work<{ request_id: string }>(ERASURE_JOB, (data) => erasure.execute(data.request_id));
  await deps.jobs.schedule(HOLD_RELEASE_JOB, '23 2 * * *', async () => {
    await erasure.releaseExpiredHolds();
  });
  return { erasure };
}
