import { feedbackBody, sessionFeedbackDto, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { SessionFeedbackService } from './session-feedback.service';

const tags = ['sessions'];

export function sessionFeedbackRoutes(app: FastifyInstance, s: SessionFeedbackService): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/feedback',
    summary: 'Give short feedback on a session that ended: two 0–10 answers and an optional comment, once (client)',
    tags,
    status: 201,
    params: uuidParam,
    body: feedbackBody,
    response: sessionFeedbackDto,
    handler: ({ principal, params, body, request }) => s.give(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id/feedback',
    summary: "The session's feedback, or null while none was given (its client or its specialist)",
    tags,
    params: uuidParam,
    response: z.object({ status: z.string(), feedback: sessionFeedbackDto.nullable() }),
    handler: ({ principal, params, request }) => s.read(principal, params.id, requestMeta(request)),
  });
}
