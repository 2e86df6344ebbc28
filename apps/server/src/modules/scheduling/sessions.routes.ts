import { ok, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { SessionsService } from './sessions.service';

const tags = ['sessions'];
const place = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'Use a country code such as UA or US-NY');

export function sessionsRoutes(app: FastifyInstance, s: SessionsService): void {
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/scheduling/licences',
    summary: 'Where I am licensed to practise (specialist): countries or states',
    tags,
    body: z.object({ licences: z.array(z.object({ jurisdiction: place, licence_number: z.string().trim().max(100).optional() })).max(100) }).strict(),
    response: ok,
    handler: ({ principal, body, request }) => s.setLicences(principal, body.licences, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/join',
    summary: 'Enter the waiting room, confirming where I am now (client)',
    tags,
    params: uuidParam,
    body: z.object({ location: place, device_check: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])).optional() }).strict(),
    response: z.object({ session_id: z.uuid(), status: z.enum(['waiting', 'admitted']) }),
    handler: ({ principal, params, body, request }) => s.join(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id/waiting-room',
    summary: 'Who waits, where they are, and whether I am licensed there (specialist)',
    tags,
    params: uuidParam,
    response: z.object({
      session_id: z.uuid(),
      status: z.string(),
      waiting: z.boolean(),
      client_location: z.string().nullable(),
      licence_warning: z.boolean(),
      device_check: z.record(z.string(), z.unknown()).nullable(),
      joined_at: z.iso.datetime().nullable(),
    }),
    handler: ({ principal, params, request }) => s.waitingRoom(principal, params.id, requestMeta(request)),
  });
  const transition = z.object({ session_id: z.uuid(), status: z.enum(['in_progress', 'completed', 'no_show']) });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/admit',
    summary: 'Admit the waiting client (specialist)',
    tags,
    params: uuidParam,
    response: transition,
    handler: ({ principal, params, request }) => s.admit(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/end',
    summary: 'End the session (specialist): the case’s last session moves, and next week’s slot is suggested',
    tags,
    params: uuidParam,
    response: transition.extend({ case_id: z.uuid().nullable(), next_week: z.object({ starts_at: z.iso.datetime(), session_type_id: z.uuid() }) }),
    handler: ({ principal, params, request }) => s.end(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/no-show',
    summary: 'Mark the client as not attending (specialist)',
    tags,
    params: uuidParam,
    response: transition,
    handler: ({ principal, params, request }) => s.noShow(principal, params.id, requestMeta(request)),
  });
}
