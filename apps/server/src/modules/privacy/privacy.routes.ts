import { pageQuery, recordAccessEntry } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { createRecordAccessService } from './record-access.service';

export function privacyRoutes(app: FastifyInstance, s: { recordAccess: ReturnType<typeof createRecordAccessService> }): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/privacy/record-access',
    summary: 'Who viewed or changed my record, from the audit log (newest first)',
    tags: ['privacy'],
    querystring: pageQuery,
    response: z.array(recordAccessEntry),
    handler: ({ principal, query, request }) => s.recordAccess.list(principal, query.page, query.per_page, requestMeta(request)),
  });
}
