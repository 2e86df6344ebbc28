import { alertNoteBody, crisisAlert, crisisResources, safetyPlan, saveSafetyPlanBody, sosBody, sosResult, uuidParam } from '@tend/contracts';
import { crisisLinesFor } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute, publicRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { AlertsService } from './alerts.service';
import type { RiskFlagsService } from './risk-flags.service';
import type { SafetyPlansService } from './safety-plans.service';

const tags = ['crisis'];

export function crisisRoutes(app: FastifyInstance, s: { alerts: AlertsService; plans: SafetyPlansService; flags: RiskFlagsService }): void {
  // Public on purpose: nobody is ever kept from crisis lines, signed in or not.
  publicRoute(app, {
    method: 'GET',
    url: '/api/v1/crisis/resources',
    summary: 'Emergency numbers and crisis lines for where you are now (unknown places get the international list)',
    tags,
    querystring: z.object({ jurisdiction: z.string().max(20).optional() }),
    response: crisisResources,
    handler: async ({ query }) => {
      const found = crisisLinesFor(query.jurisdiction ?? '');
      return { ...found, lines: [...found.lines] };
    },
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/crisis/sos',
    summary: 'SOS: crisis lines and my safety plan now; my care team is alerted, and the practice if nobody answers',
    tags,
    status: 201,
    body: sosBody,
    response: sosResult,
    handler: ({ principal, body, request }) => s.alerts.sos(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/crisis/alerts',
    summary: 'Crisis alerts of clients in my care (the whole practice for admins and supervisors)',
    tags,
    querystring: z.object({ open: z.enum(['true', 'false']).default('true') }),
    response: z.array(crisisAlert),
    handler: ({ principal, query, request }) => s.alerts.list(principal, query.open === 'true', requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/crisis/alerts/:id',
    summary: 'One alert with its escalation log',
    tags,
    params: uuidParam,
    response: crisisAlert,
    handler: ({ principal, params, request }) => s.alerts.get(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/crisis/alerts/:id/acknowledge',
    summary: 'I am on it: stops the escalation',
    tags,
    params: uuidParam,
    body: alertNoteBody,
    response: crisisAlert,
    handler: ({ principal, params, body, request }) => s.alerts.acknowledge(principal, params.id, body.note, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/crisis/alerts/:id/resolve',
    summary: 'Close the alert with a note',
    tags,
    params: uuidParam,
    body: alertNoteBody,
    response: crisisAlert,
    handler: ({ principal, params, body, request }) => s.alerts.resolve(principal, params.id, body.note, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/crisis/safety-plan',
    summary: 'My safety plan (client), or a client’s in my care (?client_id=)',
    tags,
    querystring: z.object({ client_id: z.uuid().optional() }),
    response: safetyPlan,
    handler: ({ principal, query, request }) => s.plans.get(principal, query.client_id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/crisis/safety-plan',
    summary: 'Save a new version of the safety plan (client, or their specialist with client_id)',
    tags,
    body: saveSafetyPlanBody,
    response: safetyPlan,
    handler: ({ principal, body, request }) => s.plans.save(principal, body, requestMeta(request)),
  });
  const riskFlag = z.object({
    id: z.uuid(),
    client: z.object({ id: z.uuid(), name: z.string() }),
    case_id: z.uuid().nullable(),
    source: z.string(),
    source_id: z.uuid(),
    level: z.enum(['moderate', 'high', 'crisis']),
    matched: z.array(z.string()),
    status: z.enum(['open', 'acknowledged', 'resolved']),
    created_at: z.iso.datetime(),
    acknowledged_at: z.iso.datetime().nullable(),
    resolved_at: z.iso.datetime().nullable(),
    note: z.string().nullable(),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/risk-flags',
    summary: 'Risk flags raised from client text (care team; all for admins and supervisors)',
    tags,
    querystring: z.object({ open: z.enum(['true', 'false']).default('true') }),
    response: z.array(riskFlag),
    handler: ({ principal, query, request }) => s.flags.list(principal, query.open === 'true', requestMeta(request)),
  });
  for (const action of ['acknowledge', 'resolve'] as const) {
    privateRoute(app, {
      method: 'POST',
      url: `/api/v1/risk-flags/:id/${action}`,
      summary: action === 'acknowledge' ? 'I have seen this flag' : 'Close the flag with a note (required)',
      tags,
      params: uuidParam,
      body: alertNoteBody,
      response: riskFlag,
      handler: ({ principal, params, body, request }) => s.flags.act(principal, params.id, action, body.note, requestMeta(request)),
    });
  }
}
