import type { FastifyInstance } from 'fastify';
import type { Mailer } from '../../platform/channels/mailer';
import type { AuthService } from '../identity';
import { createInvitationsService } from './invitations.service';
import { orgsRoutes } from './orgs.routes';
import { createOrgsService, type OrgDeps } from './orgs.service';

export { inActiveOrg, inOrg, openNames, readerKey, userNames, type OrgDeps, type OrgScope } from './orgs.service';
export { toAuditEntry } from './orgs.mapper';

/** Organizations, memberships, roles, invitations and each org's audit log. */
export function orgsPlugin(app: FastifyInstance, deps: OrgDeps & { mailer: Mailer; auth: AuthService; publicUrl: string; secureCookies: boolean }): void {
  const orgs = createOrgsService(deps);
  const invitations = createInvitationsService(deps);
  orgsRoutes(app, { orgs, invitations, auth: deps.auth, secureCookies: deps.secureCookies });
}
export { orgsRepository } from './orgs.repository';
export { createOrgsService } from './orgs.service';
