import type { ConsentKind } from '@tend/contracts';
import type { FastifyRequest } from 'fastify';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { requestMeta } from '../identity';
import { inActiveOrg, orgsRepository } from '../orgs';
import { checkConsent, consentRequired } from './consent.check';

/**
 * A route guard: refuses the request with 403 CONSENT.REQUIRED unless the client's consent allows the
 * caller this `kind` of use (and `category`, for data sharing) right now, and with 404 CONSENT.NOT_FOUND
 * when the person named is not a client of the caller's practice. A refusal is audited in its own
 * committed transaction. Services re-check inside their transaction with `requireConsent`.
 */
export function consentGuard(
  deps: { db: Database; crypto: FieldCrypto },
  spec: {
    kind: ConsentKind;
    category?: string;
    /** Whose data the route touches, from the request (usually a path parameter). */
    client: (request: FastifyRequest) => string;
    /** For recording consent: the session the route records. */
    session?: (request: FastifyRequest) => string;
  },
): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const principal = request.principal;
    if (!principal) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue');
    const clientUserId = spec.client(request);
    const meta = requestMeta(request);
    const route = request.routeOptions.url ?? request.url;
    const decision = await inActiveOrg(deps, principal, meta, null, async ({ tx, actor }) => {
      // Someone who is not a client of this practice has no consents here to ask about.
      if ((await orgsRepository.roleOf(tx, actor.orgId, clientUserId)) !== 'client') return null;
      return checkConsent(
        tx,
        {
          orgId: actor.orgId,
          clientUserId,
          actorUserId: principal.userId,
          kind: spec.kind,
          ...(spec.category ? { category: spec.category } : {}),
          ...(spec.session ? { sessionId: spec.session(request) } : {}),
        },
        { actor, route },
      );
    });
    if (!decision) throw new AppError('CONSENT.NOT_FOUND', 'No such client in this practice');
    if (!decision.allowed) throw consentRequired(spec.kind, decision.reason);
  };
}
