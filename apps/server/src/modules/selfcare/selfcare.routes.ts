import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { privateRoute } from '../../platform/http/route';
import { consentGuard } from '../consent';
import { requestMeta } from '../identity';
import type { MoodService } from './mood.service';

const tags = ['self-care'];
const moodEntry = z.object({ id: z.uuid(), score: z.number().int(), note: z.string().nullable(), at: z.iso.datetime() });
const range = z
  .object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] });

export function selfcareRoutes(app: FastifyInstance, mood: MoodService, deps: { db: Database; crypto: FieldCrypto }): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/selfcare/mood',
    summary: 'Log my mood (0–10) with an optional note',
    tags,
    status: 201,
    body: z.object({ score: z.number().int().min(0).max(10), note: z.string().trim().max(2000).optional() }).strict(),
    response: moodEntry,
    handler: ({ principal, body }) => mood.log(principal, body),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/selfcare/mood',
    summary: 'My mood log between two instants',
    tags,
    querystring: range,
    response: z.array(moodEntry),
    handler: ({ principal, query }) => mood.mine(principal, query.from, query.to),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/clients/:id/mood',
    summary: "A client's mood log, while they share it with me (data-sharing consent, scope mood)",
    tags,
    params: z.object({ id: z.uuid() }),
    querystring: range,
    response: z.array(moodEntry),
    guard: consentGuard(deps, { kind: 'data_sharing', category: 'mood', client: (request) => (request.params as { id: string }).id }),
    handler: ({ principal, params, query, request }) => mood.ofClient(principal, params.id, query.from, query.to, requestMeta(request)),
  });
}
