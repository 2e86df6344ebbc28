import {
  addPeopleBody,
  caseConversation,
  chatMessage,
  conversation,
  conversationLeft,
  conversationStarted,
  conversationSummary,
  messagesQuery,
  ok,
  peopleAdded,
  personParams,
  personRemoved,
  sendMessageBody,
  sentMessage,
  startConversationBody,
  uuidParam,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { ConversationsService } from './conversations.service';
import type { MessagingService } from './messaging.service';

const tags = ['messaging'];
export function messagingRoutes(app: FastifyInstance, s: MessagingService, c: ConversationsService): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/conversation',
    summary: 'Open (or get) the chat of a case: the client and their care team',
    tags,
    params: uuidParam,
    response: caseConversation,
    handler: ({ principal, params, request }) => s.openForCase(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/conversations',
    summary: 'My conversations (case, direct and program), latest activity first, with unread counts',
    tags,
    response: z.array(conversationSummary),
    handler: ({ principal, request }) => c.mine(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations',
    summary: 'Start a direct chat with a colleague (the same pair always gets the same chat) or a program chat (staff only)',
    tags,
    status: 201,
    body: startConversationBody,
    response: conversationStarted,
    handler: ({ principal, body, request }) => c.start(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/participants',
    summary: 'Add people to a program chat (its creator: colleagues, and clients of their cases)',
    tags,
    params: uuidParam,
    body: addPeopleBody,
    response: peopleAdded,
    handler: ({ principal, params, body, request }) => c.addPeople(principal, params.id, body.user_ids, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/conversations/:id/participants/:userId',
    summary: 'Remove someone from a program chat (its creator); they lose the chat and its live events, their messages stay',
    tags,
    params: personParams,
    response: personRemoved,
    handler: ({ principal, params, request }) => c.removePerson(principal, params.id, params.userId, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/leave',
    summary: 'Leave a program chat (anyone in it but whoever runs it); like a removal, what I wrote stays',
    tags,
    params: uuidParam,
    response: conversationLeft,
    handler: ({ principal, params, request }) => c.leave(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/conversations/:id',
    summary: 'One conversation: its participants and how far each has read',
    tags,
    params: uuidParam,
    response: conversation,
    handler: ({ principal, params, request }) => s.get(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/conversations/:id/messages',
    summary: 'Messages, newest first; page back with ?before=',
    tags,
    params: uuidParam,
    querystring: messagesQuery,
    response: z.array(chatMessage),
    handler: ({ principal, params, query, request }) => s.history(principal, params.id, query.before, query.limit, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/messages',
    summary: 'Send a message (stored before it is delivered); a risky client message brings support resources back',
    tags,
    status: 201,
    params: uuidParam,
    body: sendMessageBody,
    response: sentMessage,
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
