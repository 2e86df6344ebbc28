import { logMoodBody, moodEntry, moodRange, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { privateRoute } from '../../platform/http/route';
import { consentGuard } from '../consent';
import { requestMeta } from '../identity';
import type { MoodService } from './mood.service';

const tags = ['self-care'];

export function selfcareRoutes(app: FastifyInstance, mood: MoodService, deps: { db: Database; crypto: FieldCrypto }): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/selfcare/mood',
    summary: 'Log my mood (0–10) with an optional note',
    tags,
    status: 201,
    body: logMoodBody,
    response: moodEntry,
    handler: ({ principal, body }) => mood.log(principal, body),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/selfcare/mood',
    summary: 'My mood log between two instants',
    tags,
    querystring: moodRange,
    response: z.array(moodEntry),
    handler: ({ principal, query }) => mood.mine(principal, query.from, query.to),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/clients/:id/mood',
    summary: "A client's mood log, while they share it with me (data-sharing consent, scope mood)",
    tags,
    params: uuidParam,
    querystring: moodRange,
    response: z.array(moodEntry),
    guard: consentGuard(deps, { kind: 'data_sharing', category: 'mood', client: (request) => (request.params as { id: string }).id }),
    handler: ({ principal, params, query, request }) => mood.ofClient(principal, params.id, query.from, query.to, requestMeta(request)),
  });
}
