import type { FastifyInstance } from 'fastify';
import { createAlertsService, type CrisisDeps, ESCALATION_JOB } from './alerts.service';
import { crisisRoutes } from './crisis.routes';
import { createRiskFlagsService } from './risk-flags.service';
import { createSafetyPlansService } from './safety-plans.service';

export { ESCALATION_JOB } from './alerts.service';
export type { RiskFlagsService } from './risk-flags.service';

/** Crisis protocol: public crisis lines, SOS with escalation, safety plans. Works with no external service. */
export async function crisisPlugin(app: FastifyInstance, deps: CrisisDeps) {
  const plans = createSafetyPlansService(deps);
  const alerts = createAlertsService(deps, plans);
  const flags = createRiskFlagsService(deps);
  crisisRoutes(app, { alerts, plans, flags });
  await deps.jobs.work<{ alert_id: string }>(ESCALATION_JOB, async (data) => {
    await alerts.escalate(data.alert_id);
  });
  return { alerts, plans, flags };
}
export { eraseCrisisOf } from './crisis.repository';
export { crisisRepository } from './crisis.repository';
