import {
  caseResponseTarget,
  caseResponseTargetBody,
  caseResponseTargetSaved,
  responseTarget,
  responseTargetBody,
  responseTimes,
  responseTimesQuery,
  uuidParam,
  waitingThread,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { ResponseTimesService } from './response-times.service';

const tags = ['messaging'];
export function responseTimesRoutes(app: FastifyInstance, s: ResponseTimesService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/messaging/waiting',
    summary: 'My asynchronous-therapy threads waiting for a reply, the one due soonest (overdue first) at the top',
    tags,
    response: z.array(waitingThread),
    handler: ({ principal, request }) => s.waiting(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/messaging/response-times',
    summary: "The practice's first-response times in asynchronous therapy over [from, to) (default: the last 30 days), per specialist and overall (org admin)",
    tags,
    querystring: responseTimesQuery,
    response: responseTimes,
    handler: ({ principal, query, request }) => s.figures(principal, query, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/messaging/response-target',
    summary: "The practice's response-time target for asynchronous therapy, in hours (default 24)",
    tags,
    response: responseTarget,
    handler: ({ principal, request }) => s.orgTarget(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/messaging/response-target',
    summary: "Set the practice's response-time target (org admin)",
    tags,
    body: responseTargetBody,
    response: responseTarget,
    handler: ({ principal, body, request }) => s.setOrgTarget(principal, body.target_hours, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/response-target',
    summary: "A case's asynchronous-therapy settings: messaging-only, its own target and the practice's — care team",
    tags,
    params: uuidParam,
    response: caseResponseTarget,
    handler: ({ principal, params, request }) => s.caseSettings(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/cases/:id/response-target',
    summary: "Mark a case messaging-only and/or give it its own response-time target (null: the practice's) — care team",
    tags,
    params: uuidParam,
    body: caseResponseTargetBody,
    response: caseResponseTargetSaved,
    handler: ({ principal, params, body, request }) => s.setCase(principal, params.id, body, requestMeta(request)),
  });
}
