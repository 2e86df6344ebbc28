import { crisisResources, ok, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { attachmentDto, MAX_ATTACHMENTS } from '../files';
import { requestMeta } from '../identity';
import type { ConversationsService } from './conversations.service';
import type { MessagingService } from './messaging.service';

const tags = ['messaging'];
const message = z.object({
  id: z.uuid(),
  conversation_id: z.uuid(),
  sender: z.object({ id: z.uuid(), name: z.string() }),
  body: z.string(),
  attachments: z.array(attachmentDto),
  created_at: z.iso.datetime(),
});

const kind = z.enum(['case', 'direct', 'program']);
const person = z.object({ id: z.uuid(), name: z.string() });
const people = z
  .array(z.uuid())
  .min(1, 'Add at least one person')
  .max(50, 'A program chat has at most 50 people')
  .refine((ids) => new Set(ids).size === ids.length, 'Each person once');
const startBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('direct'), with_user_id: z.uuid() }).strict(),
  z.object({ kind: z.literal('program'), title: z.string().trim().min(1, 'Give the program chat a title').max(120), participant_ids: people }).strict(),
]);

export function messagingRoutes(app: FastifyInstance, s: MessagingService, c: ConversationsService): void {
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
    summary: 'My conversations (case, direct and program), latest activity first, with unread counts',
    tags,
    response: z.array(
      z.object({
        id: z.uuid(),
        kind,
        case_id: z.uuid().nullable(),
        title: z.string().nullable(),
        participants: z.array(person),
        unread: z.number().int(),
        last_read_at: z.iso.datetime().nullable(),
        last_message_at: z.iso.datetime().nullable(),
      }),
    ),
    handler: ({ principal, request }) => c.mine(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations',
    summary: 'Start a direct chat with a colleague (the same pair always gets the same chat) or a program chat (staff only)',
    tags,
    status: 201,
    body: startBody,
    response: z.object({ id: z.uuid(), kind, created: z.boolean() }),
    handler: ({ principal, body, request }) => c.start(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/participants',
    summary: 'Add people to a program chat (its creator: colleagues, and clients of their cases)',
    tags,
    params: uuidParam,
    body: z.object({ user_ids: people }).strict(),
    response: z.object({ added: z.array(z.uuid()) }),
    handler: ({ principal, params, body, request }) => c.addPeople(principal, params.id, body.user_ids, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/conversations/:id/participants/:userId',
    summary: 'Remove someone from a program chat (its creator); they lose the chat and its live events, their messages stay',
    tags,
    params: z.object({ id: z.uuid(), userId: z.uuid() }),
    response: z.object({ removed: z.uuid() }),
    handler: ({ principal, params, request }) => c.removePerson(principal, params.id, params.userId, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/conversations/:id',
    summary: 'One conversation: its participants and how far each has read',
    tags,
    params: uuidParam,
    response: z.object({
      id: z.uuid(),
      kind,
      case_id: z.uuid().nullable(),
      title: z.string().nullable(),
      created_by: z.uuid(),
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
    body: z
      .object({
        body: z.string().trim().max(10_000, 'A message has at most 10,000 characters').default(''),
        attachment_ids: z
          .array(z.uuid())
          .max(MAX_ATTACHMENTS, `A message carries at most ${MAX_ATTACHMENTS} files`)
          .refine((ids) => new Set(ids).size === ids.length, 'Each file once')
          .default([]),
      })
      .strict()
      .refine((m) => m.body.length > 0 || m.attachment_ids.length > 0, { message: 'Write a message', path: ['body'] }),
    response: message.extend({ support: crisisResources.nullable() }),
    rateLimit: { max: 120, timeWindow: '1 minute', perUser: true },
    handler: ({ principal, params, body, request }) => s.send(principal, params.id, body.body, body.attachment_ids, requestMeta(request)),
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
