import { ok, sessionRecording, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { privateRoute, publicRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { createVideoWebhookService } from './video-webhook.service';
import type { VideoService } from './video.service';

const tags = ['sessions'];
/** Webhook deliveries are small JSON documents; anything bigger is not LiveKit's. */
const WEBHOOK_BODY_LIMIT = 256 * 1024;

export async function videoRoutes(app: FastifyInstance, s: VideoService, receive: ReturnType<typeof createVideoWebhookService>): Promise<void> {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/sessions/:id/recording',
    summary: 'Whether the session is being recorded, and the latest recording’s state (its client and specialist)',
    tags,
    params: uuidParam,
    response: sessionRecording.nullable(),
    handler: ({ principal, params, request }) => s.recording(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions/:id/recording',
    summary: 'Start recording the session (its specialist; LiveKit only): needs every participant’s recording consent for it',
    tags,
    params: uuidParam,
    status: 201,
    response: sessionRecording,
    handler: ({ principal, params, request }) => s.startRecording(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/sessions/:id/recording',
    summary: 'Stop recording the session (its specialist)',
    tags,
    params: uuidParam,
    response: sessionRecording,
    handler: ({ principal, params, request }) => s.stopRecording(principal, params.id, requestMeta(request)),
  });

  // The signature covers the exact bytes LiveKit sent, so this one route reads its body as text.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
    publicRoute(scope, {
      method: 'POST',
      url: '/api/v1/webhooks/livekit',
      summary: 'LiveKit webhook (signed by LiveKit with the API secret): participants, room end, recordings',
      tags,
      response: ok,
      handler: async ({ request }) => {
        const header = request.headers.authorization ?? request.headers.authorize;
        const authorization = (Array.isArray(header) ? header[0] : header)?.replace(/^Bearer\s+/i, '');
        await receive(typeof request.body === 'string' ? request.body : '', authorization || undefined, requestMeta(request));
        return { ok: true as const };
      },
    });
  });
}
