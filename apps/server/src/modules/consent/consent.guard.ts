import type { ConsentKind } from '@tend/contracts';
import type { FastifyRequest } from 'fastify';
import { recordAudit } from '../../platform/audit';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { requestMeta } from '../identity';
import { inActiveOrg } from '../orgs';
import { checkConsent } from './consent.check';

/**
 * A route guard: refuses the request with 403 CONSENT.REQUIRED unless the client's consent allows the
 * caller this `kind` of use (and `category`, for data sharing) right now. A refusal is audited in its
 * own committed transaction. Services re-check inside their transaction with `checkConsent`.
 */
export function consentGuard(
  deps: { db: Database; crypto: FieldCrypto },
  spec: { kind: ConsentKind; category?: string; client: (request: FastifyRequest) => string },
): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const principal = request.principal;
    if (!principal) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue');
    const clientUserId = spec.client(request);
    const meta = requestMeta(request);
    const decision = await inActiveOrg(deps, principal, meta, null, async ({ tx, actor }) => {
      const result = await checkConsent(tx, {
        orgId: actor.orgId,
        clientUserId,
        actorUserId: principal.userId,
        kind: spec.kind,
        ...(spec.category ? { category: spec.category } : {}),
      });
      if (!result.allowed) {
        await recordAudit(tx, actor, {
          action: 'consent.denied',
          resourceType: 'consent',
          resourceId: result.grantId,
          subjectUserId: clientUserId,
          purpose: 'consent',
          outcome: 'failure',
          details: { kind: spec.kind, reason: result.reason, route: request.routeOptions.url ?? request.url },
        });
      }
      return result;
    });
    if (!decision.allowed)
      throw new AppError('CONSENT.REQUIRED', 'The client has not given (or has withdrawn) consent for this', { kind: spec.kind, reason: decision.reason });
  };
}
