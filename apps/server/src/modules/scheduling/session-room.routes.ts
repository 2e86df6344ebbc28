import { sessionRoom, sessionVideo, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { SessionRoomService } from './session-room.service';

const tags = ['sessions'];

export function sessionRoomRoutes(app: FastifyInstance, s: SessionRoomService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id',
    summary: 'The session room as I see it: my role, its status, whether the client was admitted, the other person',
    tags,
    params: uuidParam,
    response: sessionRoom,
    handler: ({ principal, params, request }) => s.room(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id/video',
    summary: 'How the call connects: the built-in 1:1 WebRTC call and its ICE servers (the two people of the session)',
    tags,
    params: uuidParam,
    response: sessionVideo,
    handler: ({ principal, params, request }) => s.video(principal, params.id, requestMeta(request)),
  });
}
