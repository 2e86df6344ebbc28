import { noteDto, sessionAfterDto, sessionFeedbackDto, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { SessionAfterService } from './session-after.service';

export function sessionAfterRoutes(app: FastifyInstance, s: SessionAfterService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id/after',
    summary: 'After the session (its specialist): the case, its note template and the note, the same slot next week, homework, feedback',
    tags: ['sessions'],
    params: uuidParam,
    response: sessionAfterDto,
    handler: ({ principal, params, request }) => s.after(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/note',
    summary: "Start the session's draft progress note from the case's template; a second call returns the same draft",
    tags: ['sessions'],
    params: uuidParam,
    response: noteDto,
    handler: ({ principal, params, request }) => s.note(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/session-feedback',
    summary: "The feedback the client gave on the case's sessions, newest first (care team)",
    tags: ['cases'],
    params: uuidParam,
    response: z.array(sessionFeedbackDto),
    handler: ({ principal, params, request }) => s.caseFeedback(principal, params.id, requestMeta(request)),
  });
}
