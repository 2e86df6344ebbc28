import {
  caseAccessGrant,
  caseDto,
  caseEvent,
  caseListQuery,
  caseMemberParams,
  caseSummary,
  changeRiskBody,
  changeStatusBody,
  createCaseBody,
  grantCaseAccessBody,
  ok,
  transferBody,
  updateCaseBody,
  uuidParam,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { CareTeamService } from './care-team.service';
import type { CasesService } from './cases.service';

const tags = ['cases'];
const historyQuery = z.object({ kind: caseEvent.shape.kind.optional() });

export function casesRoutes(app: FastifyInstance, { cases, team }: { cases: CasesService; team: CareTeamService }): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases',
    summary: 'Cases I may see, as list lines: my caseload (specialist), the practice (admin, supervisor), my own (client)',
    tags,
    querystring: caseListQuery,
    response: z.array(caseSummary),
    handler: ({ principal, query, request }) => cases.list(principal, query, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases',
    summary: 'Open a case for a client (specialist, org admin)',
    tags,
    status: 201,
    body: createCaseBody,
    response: caseDto,
    handler: ({ principal, body, request }) => cases.create(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id',
    summary: 'One case',
    tags,
    params: uuidParam,
    response: caseDto,
    handler: ({ principal, params, request }) => cases.get(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/cases/:id',
    summary: 'Change title, jurisdiction or insurance (care team)',
    tags,
    params: uuidParam,
    body: updateCaseBody,
    response: caseDto,
    handler: ({ principal, params, body, request }) => cases.update(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/status',
    summary: 'Move the case through draft → active → paused → closed → archived (or transferred out)',
    tags,
    params: uuidParam,
    body: changeStatusBody,
    response: caseDto,
    handler: ({ principal, params, body, request }) => cases.changeStatus(principal, params.id, body.to, body.reason, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/risk',
    summary: "Set the case's risk level (kept in its history)",
    tags,
    params: uuidParam,
    body: changeRiskBody,
    response: caseDto,
    handler: ({ principal, params, body, request }) => cases.changeRisk(principal, params.id, body.level, body.note, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/history',
    summary: 'Status, risk, transfer and access history, newest first (care team)',
    tags,
    params: uuidParam,
    querystring: historyQuery,
    response: z.array(caseEvent),
    handler: ({ principal, params, query, request }) => cases.history(principal, params.id, query.kind, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/transfer',
    summary: 'Hand the case to another specialist of the practice, with a reason',
    tags,
    params: uuidParam,
    body: transferBody,
    response: ok,
    handler: async ({ principal, params, body, request }) => {
      await team.transfer(principal, params.id, body.to_specialist_id, body.reason, requestMeta(request));
      return { ok: true as const };
    },
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/access',
    summary: 'Co-specialists and supervisors with access to the case (the care team, and the client of the case)',
    tags,
    params: uuidParam,
    response: z.array(caseAccessGrant),
    handler: ({ principal, params, request }) => team.team(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/access',
    summary: 'Give a co-specialist or supervisor access (lead specialist, org admin)',
    tags,
    status: 201,
    params: uuidParam,
    body: grantCaseAccessBody,
    response: caseAccessGrant,
    handler: ({ principal, params, body, request }) => team.grant(principal, params.id, body.user_id, body.role, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/cases/:id/access/:userId',
    summary: 'Take access away (lead specialist, org admin)',
    tags,
    params: caseMemberParams,
    response: ok,
    handler: async ({ principal, params, request }) => {
      await team.revoke(principal, params.id, params.userId, requestMeta(request));
      return { ok: true as const };
    },
  });
}
