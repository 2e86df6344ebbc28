import { uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { ResponseTimesService } from './response-times.service';

const tags = ['messaging'];
/** A week is the longest a practice may promise to take; an hour the shortest that makes sense for written therapy. */
const hours = z.number().int().min(1, 'At least 1 hour').max(168, 'At most 168 hours (a week)');
const figures = z.object({
  threads: z.number().int(),
  answered: z.number().int(),
  median_first_response_seconds: z.number().nullable(),
  p90_first_response_seconds: z.number().nullable(),
  within_target_share: z.number().min(0).max(1).nullable(),
});
const DAY = 24 * 60 * 60 * 1000;

export function responseTimesRoutes(app: FastifyInstance, s: ResponseTimesService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/messaging/waiting',
    summary: 'My asynchronous-therapy threads waiting for a reply, the one due soonest (overdue first) at the top',
    tags,
    response: z.array(
      z.object({
        conversation_id: z.uuid(),
        case_id: z.uuid(),
        client: z.object({ id: z.uuid(), name: z.string() }),
        target_hours: z.number().int(),
        waiting_since: z.iso.datetime(),
        due_at: z.iso.datetime(),
        overdue: z.boolean(),
      }),
    ),
    handler: ({ principal, request }) => s.waiting(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/messaging/response-times',
    summary: "The practice's first-response times in asynchronous therapy over [from, to) (default: the last 30 days), per specialist and overall (org admin)",
    tags,
    querystring: z
      .object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
      .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'The period must end after it starts', path: ['to'] })
      .refine((q) => !q.from || !q.to || new Date(q.to).getTime() - new Date(q.from).getTime() <= 366 * DAY, {
        message: 'At most a year at a time',
        path: ['to'],
      }),
    response: z.object({
      from: z.iso.datetime(),
      to: z.iso.datetime(),
      target_hours: z.number().int(),
      overall: figures,
      specialists: z.array(figures.extend({ specialist: z.object({ id: z.uuid(), name: z.string() }) })),
    }),
    handler: ({ principal, query, request }) => {
      const to = query.to ? new Date(query.to) : new Date();
      const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY);
      return s.figures(principal, from, to, requestMeta(request));
    },
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/messaging/response-target',
    summary: "The practice's response-time target for asynchronous therapy, in hours (default 24)",
    tags,
    response: z.object({ target_hours: z.number().int() }),
    handler: ({ principal, request }) => s.orgTarget(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/messaging/response-target',
    summary: "Set the practice's response-time target (org admin)",
    tags,
    body: z.object({ target_hours: hours }).strict(),
    response: z.object({ target_hours: z.number().int() }),
    handler: ({ principal, body, request }) => s.setOrgTarget(principal, body.target_hours, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/response-target',
    summary: "A case's asynchronous-therapy settings: messaging-only, its own target and the practice's — care team",
    tags,
    params: uuidParam,
    response: z.object({
      case_id: z.uuid(),
      messaging_only: z.boolean(),
      target_hours: z.number().int().nullable(),
      org_target_hours: z.number().int(),
      effective_target_hours: z.number().int(),
      booked_messaging_sessions: z.boolean(),
    }),
    handler: ({ principal, params, request }) => s.caseSettings(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/cases/:id/response-target',
    summary: "Mark a case messaging-only and/or give it its own response-time target (null: the practice's) — care team",
    tags,
    params: uuidParam,
    body: z.object({ messaging_only: z.boolean(), target_hours: hours.nullable() }).strict(),
    response: z.object({ case_id: z.uuid(), messaging_only: z.boolean(), target_hours: z.number().int().nullable(), effective_target_hours: z.number().int() }),
    handler: ({ principal, params, body, request }) => s.setCase(principal, params.id, body, requestMeta(request)),
  });
}
