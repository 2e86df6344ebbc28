import { uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { createSessionBriefService } from './session-brief.service';

export function sessionBriefRoute(app: FastifyInstance, s: ReturnType<typeof createSessionBriefService>): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id/brief',
    summary: 'Before the session: the last signed note’s plan, the goals, open alerts and risk flags (care team)',
    tags: ['sessions'],
    params: uuidParam,
    response: z.object({
      session_id: z.uuid(),
      case_id: z.uuid().nullable(),
      last_plan: z.string().nullable(),
      last_note_at: z.iso.datetime().nullable(),
      goals: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
      open_alerts: z.number().int(),
      open_flags: z.array(z.object({ id: z.uuid(), level: z.string(), at: z.iso.datetime() })),
    }),
    handler: ({ principal, params, request }) => s.brief(principal, params.id, requestMeta(request)),
  });
}
