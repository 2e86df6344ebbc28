import { decideErasureBody, erasureRequest, pageQuery, recordAccessEntry, requestErasureBody, uuidParam } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { ErasureService } from './erasure.service';
import type { createExportService } from './export.service';
import { toFhirBundle } from './fhir.mapper';
import type { createRecordAccessService } from './record-access.service';

export function privacyRoutes(
  app: FastifyInstance,
  s: { recordAccess: ReturnType<typeof createRecordAccessService>; exports: ReturnType<typeof createExportService>; erasure: ErasureService },
): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/privacy/record-access',
    summary: 'Who viewed or changed my record, from the audit log (newest first)',
    tags: ['privacy'],
    querystring: pageQuery,
    response: z.array(recordAccessEntry),
    handler: ({ principal, query, request }) => s.recordAccess.list(principal, query.page, query.per_page, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/privacy/export',
    summary: 'Download my data in this practice: JSON, or a FHIR R4 Bundle with ?format=fhir (client)',
    tags: ['privacy'],
    querystring: z.object({ format: z.enum(['json', 'fhir']).default('json') }),
    // The export's shape is documented in docs/api.md; FHIR bundles follow the R4 JSON schema.
    response: z.record(z.string(), z.unknown()),
    handler: async ({ principal, query, request, reply }) => {
      const data = await s.exports.collect(principal, query.format, requestMeta(request));
      void reply.header(
        'content-disposition',
        `attachment; filename="tend-export-${data.exported_at.slice(0, 10)}.${query.format === 'fhir' ? 'fhir.json' : 'json'}"`,
      );
      void reply.header('cache-control', 'no-store');
      return (query.format === 'fhir' ? toFhirBundle(data) : data) as unknown as Record<string, unknown>;
    },
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/privacy/erasure-requests',
    summary: 'Ask this practice to erase my data (client)',
    tags: ['privacy'],
    status: 201,
    body: requestErasureBody,
    response: erasureRequest,
    handler: ({ principal, body, request }) => s.erasure.request(principal, body.reason, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/privacy/erasure-requests',
    summary: 'Erasure requests: my own (client) or the practice’s, with suggested legal holds (org admin)',
    tags: ['privacy'],
    response: z.array(erasureRequest),
    handler: ({ principal, request }) => s.erasure.list(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/privacy/erasure-requests/:id/decision',
    summary: 'Approve (with legal holds) or reject an erasure request (org admin)',
    tags: ['privacy'],
    params: uuidParam,
    body: decideErasureBody,
    response: erasureRequest,
    handler: ({ principal, params, body, request }) => s.erasure.decide(principal, params.id, body, requestMeta(request)),
  });
}
