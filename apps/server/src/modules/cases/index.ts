import type { FastifyInstance } from 'fastify';
import type { Jobs } from '../../platform/jobs/jobs';
import { createCareTeamService } from './care-team.service';
import { casesRoutes } from './cases.routes';
import { type CasesDeps, createCasesService } from './cases.service';

export { cases, caseMgmt } from './cases.table';
export type { CasesService } from './cases.service';
export type { CaseAccessKind, CaseAction } from './cases.policy';
export type { CaseRow } from './cases.repository';
/** The statements behind the caseload and a case's page, for the bench's direct-SQL ceiling. */
export { caseloadPageStatement, caseWithNamesStatement } from './caseload.query';

export const AUTO_PAUSE_JOB = 'cases.auto-pause';

/** Cases: a client's course of care, its status machine, risk level, care team and history. */
export async function casesPlugin(app: FastifyInstance, deps: CasesDeps & { jobs: Jobs }) {
  const cases = createCasesService(deps);
  const team = createCareTeamService(deps, cases);
  casesRoutes(app, { cases, team });
  // Daily, shortly after 03:00 UTC; on worker instances only.
  await deps.jobs.schedule(AUTO_PAUSE_JOB, '7 3 * * *', async () => {
    await team.autoPause();
  });
  return { cases, team };
}
export { casesForExport, type ExportedCase } from './cases.export';
export { careTeamOf, casePeople, clientCaseIds, clientCaseWith, eraseCasesOf, recordCompletedSession } from './cases.repository';
