import { crisisResources, ok, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { MessagingService } from './messaging.service';

const tags = ['messaging'];
const message = z.object({
  id: z.uuid(),
  conversation_id: z.uuid(),
  sender: z.object({ id: z.uuid(), name: z.string() }),
  body: z.string(),
  created_at: z.iso.datetime(),
});

export function messagingRoutes(app: FastifyInstance, s: MessagingService): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/conversation',
    summary: 'Open (or get) the chat of a case: the client and their care team',
    tags,
    params: uuidParam,
    response: z.object({ id: z.uuid(), case_id: z.uuid() }),
    handler: ({ principal, params, request }) => s.openForCase(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/conversations',
    summary: 'My conversations',
    tags,
    response: z.array(z.object({ id: z.uuid(), kind: z.enum(['case', 'direct']), case_id: z.uuid().nullable(), last_read_at: z.iso.datetime().nullable() })),
    handler: ({ principal, request }) => s.mine(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/conversations/:id',
    summary: 'One conversation: its participants and how far each has read',
    tags,
    params: uuidParam,
    response: z.object({
      id: z.uuid(),
      kind: z.enum(['case', 'direct']),
      case_id: z.uuid().nullable(),
      participants: z.array(z.object({ id: z.uuid(), name: z.string(), last_read_at: z.iso.datetime().nullable() })),
    }),
    handler: ({ principal, params, request }) => s.get(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/conversations/:id/messages',
    summary: 'Messages, newest first; page back with ?before=',
    tags,
    params: uuidParam,
    querystring: z.object({ before: z.iso.datetime({ offset: true }).optional(), limit: z.coerce.number().int().min(1).max(100).default(50) }),
    response: z.array(message),
    handler: ({ principal, params, query, request }) => s.history(principal, params.id, query.before, query.limit, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/messages',
    summary: 'Send a message (stored before it is delivered); a risky client message brings support resources back',
    tags,
    status: 201,
    params: uuidParam,
    body: z.object({ body: z.string().trim().min(1, 'Write a message').max(10_000, 'A message has at most 10,000 characters') }).strict(),
    response: message.extend({ support: crisisResources.nullable() }),
    rateLimit: { max: 120, timeWindow: '1 minute', perUser: true },
    handler: ({ principal, params, body, request }) => s.send(principal, params.id, body.body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/read',
    summary: 'Read receipt: I have read up to now',
    tags,
    params: uuidParam,
    response: ok,
    handler: ({ principal, params, request }) => s.read(principal, params.id, requestMeta(request)),
  });
}
