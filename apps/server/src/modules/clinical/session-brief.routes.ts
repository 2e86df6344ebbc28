import { sessionBrief, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
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
    response: sessionBrief,
    handler: ({ principal, params, request }) => s.brief(principal, params.id, requestMeta(request)),
  });
}
