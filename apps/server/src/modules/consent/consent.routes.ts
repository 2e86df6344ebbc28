import {
  clientQuery,
  consentEvent,
  consentGrant,
  consentStatus,
  consentTemplate,
  createTemplateBody,
  grantConsentBody,
  historyQuery,
  revokeConsentBody,
  sharedWithMeEntry,
  templatesQuery,
  uuidParam,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { ConsentService } from './consent.service';

const tags = ['consent'];

export function consentRoutes(app: FastifyInstance, s: ConsentService): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/consent/templates',
    summary: 'Consent texts by kind and jurisdiction, newest version (a practice’s own text wins)',
    tags,
    querystring: templatesQuery,
    response: z.array(consentTemplate),
    handler: ({ principal, query, request }) => s.templates(principal, query, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/consent/templates',
    summary: 'Publish the practice’s own version of a consent text (org admin)',
    tags,
    status: 201,
    body: createTemplateBody,
    response: consentTemplate,
    handler: ({ principal, body, request }) => s.createTemplate(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/consent',
    summary: 'Give consent, signed with my typed name (client)',
    tags,
    status: 201,
    body: grantConsentBody,
    response: consentGrant,
    handler: ({ principal, body, request }) => s.grant(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/consent/:id/revoke',
    summary: 'Revoke my consent; it takes effect at once (client)',
    tags,
    params: uuidParam,
    body: revokeConsentBody,
    response: consentGrant,
    handler: ({ principal, params, body, request }) => s.revoke(principal, params.id, body.reason, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/consent/status',
    summary: 'Where consent stands per kind (and per recipient): mine (client) or a client’s (staff, ?client_id=)',
    tags,
    querystring: clientQuery,
    response: consentStatus,
    handler: ({ principal, query, request }) => s.status(principal, query.client_id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/consent/history',
    summary: 'Every grant and revocation, newest first (paged)',
    tags,
    querystring: historyQuery,
    response: z.array(consentEvent),
    handler: ({ principal, query, request }) => s.history(principal, query, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/consent/shared-with-me',
    summary: 'Clients who currently share data with me, what and until when (specialist)',
    tags,
    response: z.array(sharedWithMeEntry),
    handler: ({ principal, request }) => s.sharedWithMe(principal, requestMeta(request)),
  });
}
