import { clientPlanView, planVersionParams, planVersionSummary, progressUpdateBody, savePlanBody, treatmentPlan, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { TreatmentPlansService } from './treatment-plans.service';

const tags = ['treatment plans'];

export function treatmentPlanRoutes(app: FastifyInstance, plans: TreatmentPlansService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/treatment-plan',
    summary: 'The current treatment plan (the client sees their goals and progress)',
    tags,
    params: uuidParam,
    response: z.union([treatmentPlan, clientPlanView]),
    handler: ({ principal, params, request }) => plans.get(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/cases/:id/treatment-plan',
    summary: 'Save the plan as a new version (from base_version; 409 when stale)',
    tags,
    params: uuidParam,
    body: savePlanBody,
    response: treatmentPlan,
    handler: ({ principal, params, body, request }) => plans.save(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/treatment-plan/versions',
    summary: 'Every saved version of the plan, newest first',
    tags,
    params: uuidParam,
    response: z.array(planVersionSummary),
    handler: ({ principal, params, request }) => plans.versions(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/treatment-plan/versions/:version',
    summary: 'One saved version of the plan, as it was written (care team)',
    tags,
    params: planVersionParams,
    response: treatmentPlan,
    handler: ({ principal, params, request }) => plans.version(principal, params.id, params.version, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/treatment-plan/progress',
    summary: 'Record progress on a goal or objective',
    tags,
    status: 201,
    params: uuidParam,
    body: progressUpdateBody,
    response: treatmentPlan,
    handler: ({ principal, params, body, request }) => plans.recordProgress(principal, params.id, body, requestMeta(request)),
  });
}
