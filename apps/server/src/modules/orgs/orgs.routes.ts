import {
  acceptInvitationBody,
  auditEntry,
  authResult,
  changeRoleBody,
  createInvitationBody,
  createOrgBody,
  invitation,
  invitationParams,
  invitationPreview,
  member,
  memberParams,
  ok,
  org,
  pageQuery,
  updateOrgBody,
  uuidParam,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute, publicRoute } from '../../platform/http/route';
import { type AuthService, requestMeta, setSessionCookies } from '../identity';
import type { InvitationsService } from './invitations.service';
import type { OrgsService } from './orgs.service';

const tags = ['orgs'];

export function orgsRoutes(
  app: FastifyInstance,
  deps: { orgs: OrgsService; invitations: InvitationsService; auth: AuthService; secureCookies: boolean },
): void {
  const { orgs, invitations } = deps;

  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/orgs',
    summary: 'Organizations I belong to',
    tags,
    response: z.array(org),
    handler: ({ principal }) => orgs.listMine(principal),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/orgs',
    summary: 'Create an organization; you become its admin',
    tags,
    status: 201,
    body: createOrgBody,
    response: org,
    handler: ({ principal, body, request }) => orgs.create(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id',
    summary: 'One organization',
    tags,
    params: uuidParam,
    response: org,
    handler: ({ principal, params, request }) => orgs.get(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/orgs/:id',
    summary: 'Update organization settings (org admin)',
    tags,
    params: uuidParam,
    body: updateOrgBody,
    response: org,
    handler: ({ principal, params, body, request }) => orgs.update(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/members',
    summary: 'Members and their roles (org admin, supervisor, specialist)',
    tags,
    params: uuidParam,
    response: z.array(member),
    handler: ({ principal, params, request }) => orgs.members(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/orgs/:id/members/:userId',
    summary: "Change a member's role (org admin)",
    tags,
    params: memberParams,
    body: changeRoleBody,
    response: ok,
    handler: async ({ principal, params, body, request }) => {
      await orgs.changeRole(principal, params.id, params.userId, body.role, requestMeta(request));
      return { ok: true as const };
    },
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/orgs/:id/members/:userId',
    summary: 'Remove a member (org admin)',
    tags,
    params: memberParams,
    response: ok,
    handler: async ({ principal, params, request }) => {
      await orgs.removeMember(principal, params.id, params.userId, requestMeta(request));
      return { ok: true as const };
    },
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/invitations',
    summary: 'Invitations sent by this organization (org admin)',
    tags,
    params: uuidParam,
    response: z.array(invitation),
    handler: ({ principal, params, request }) => invitations.list(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/orgs/:id/invitations',
    summary: 'Invite someone by email (org admin)',
    tags,
    status: 201,
    params: uuidParam,
    body: createInvitationBody,
    response: invitation,
    handler: ({ principal, params, body, request }) => invitations.create(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/orgs/:id/invitations/:invitationId',
    summary: 'Revoke an invitation (org admin)',
    tags,
    params: invitationParams,
    response: ok,
    handler: async ({ principal, params, request }) => {
      await invitations.revoke(principal, params.id, params.invitationId, requestMeta(request));
      return { ok: true as const };
    },
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/orgs/:id/audit',
    summary: "The organization's audit log, newest first (org admin)",
    tags: ['audit'],
    params: uuidParam,
    querystring: pageQuery,
    response: z.array(auditEntry),
    handler: ({ principal, params, query, request }) => orgs.audit(principal, params.id, query.page, query.per_page, requestMeta(request)),
  });

  publicRoute(app, {
    method: 'GET',
    url: '/api/v1/invitations/preview',
    summary: 'What an invitation link is for',
    tags: ['invitations'],
    querystring: z.object({ token: z.string().min(10).max(200) }),
    response: invitationPreview,
    handler: ({ query }) => invitations.preview(query.token),
  });
  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/invitations/accept',
    summary: 'Accept an invitation (creates the account when signed out)',
    tags: ['invitations'],
    rateLimit: { max: 20, timeWindow: '1 minute' },
    body: acceptInvitationBody,
    response: authResult,
    handler: async ({ body, principal, request, reply }) => {
      const meta = requestMeta(request);
      const accepted = await invitations.accept(body.token, principal, body, meta);
      const result = await deps.auth.signInAs(accepted.userId, 'invitation', meta);
      setSessionCookies(reply, result, deps.secureCookies);
      return result;
    },
  });
}
