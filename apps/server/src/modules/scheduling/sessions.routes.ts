import { joinSessionBody, licencesBody, ok, sessionEnded, sessionJoined, sessionTransition, uuidParam, waitingRoom } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { SessionsService } from './sessions.service';

const tags = ['sessions'];
export function sessionsRoutes(app: FastifyInstance, s: SessionsService): void {
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/scheduling/licences',
    summary: 'Where I am licensed to practise (specialist): countries or states',
    tags,
    body: licencesBody,
    response: ok,
    handler: ({ principal, body, request }) => s.setLicences(principal, body.licences, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/join',
    summary: 'Enter the waiting room, confirming where I am now (client)',
    tags,
    params: uuidParam,
    body: joinSessionBody,
    response: sessionJoined,
    handler: ({ principal, params, body, request }) => s.join(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id/waiting-room',
    summary: 'Who waits, where they are, and whether I am licensed there (specialist)',
    tags,
    params: uuidParam,
    response: waitingRoom,
    handler: ({ principal, params, request }) => s.waitingRoom(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/admit',
    summary: 'Admit the waiting client (specialist)',
    tags,
    params: uuidParam,
    response: sessionTransition,
    handler: ({ principal, params, request }) => s.admit(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/end',
    summary: 'End the session (specialist): the case’s last session moves, and next week’s slot is suggested',
    tags,
    params: uuidParam,
    response: sessionEnded,
    handler: ({ principal, params, request }) => s.end(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/no-show',
    summary: 'Mark the client as not attending (specialist)',
    tags,
    params: uuidParam,
    response: sessionTransition,
    handler: ({ principal, params, request }) => s.noShow(principal, params.id, requestMeta(request)),
  });
}
