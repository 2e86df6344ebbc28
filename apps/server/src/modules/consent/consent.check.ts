import type { ConsentKind } from '@tend/contracts';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { consentRepository, type RecordRow } from './consent.repository';

export type ConsentQuery = {
  orgId: string;
  clientUserId: string;
  /** Who wants to act on the data (for data sharing: must be the named recipient). */
  actorUserId: string;
  kind: ConsentKind;
  /** For data sharing: the category being read, which must be in the grant's scope. */
  category?: string;
  /** For recording: a grant for this session or a general one. */
  sessionId?: string;
  at?: Date;
};
export type ConsentReason = 'granted' | 'no_grant' | 'revoked' | 'expired' | 'out_of_scope' | 'not_recipient';
export type ConsentDecision = { allowed: boolean; grantId: string | null; reason: ConsentReason };

/** The state of one grant at `at`. */
export function grantState(grant: RecordRow, revoked: boolean, at: Date): 'active' | 'revoked' | 'expired' {
  if (revoked) return 'revoked';
  if (grant.expiresAt && grant.expiresAt.getTime() <= at.getTime()) return 'expired';
  return 'active';
}

/**
 * "May this actor do this with this client's data now?" The one question every module asks. The
 * newest matching grant decides; a revocation counts the moment it is written (same database, no cache).
 */
export async function checkConsent(tx: Tx, q: ConsentQuery): Promise<ConsentDecision> {
  const at = q.at ?? new Date();
  const grants = (await consentRepository.ofClient(tx, q.orgId, q.clientUserId, q.kind)).filter(
    (r) => r.action === 'grant' && r.at.getTime() <= at.getTime() && (q.kind !== 'recording' || !r.sessionId || r.sessionId === q.sessionId),
  );
  if (!grants.length) return { allowed: false, grantId: null, reason: 'no_grant' };
  const revoked = new Set(
    (
      await consentRepository.revocationsOf(
        tx,
        grants.map((g) => g.id),
      )
    )
      .filter((r) => r.at.getTime() <= at.getTime())
      .map((r) => r.grantId),
  );
  let first: ConsentDecision | null = null;
  for (const grant of grants) {
    const state = grantState(grant, revoked.has(grant.id), at);
    let decision: ConsentDecision;
    if (state !== 'active') decision = { allowed: false, grantId: grant.id, reason: state };
    else if (q.kind === 'data_sharing' && grant.recipientUserId !== q.actorUserId) decision = { allowed: false, grantId: grant.id, reason: 'not_recipient' };
    else if (q.kind === 'data_sharing' && (!q.category || !grant.scope.includes(q.category)))
      decision = { allowed: false, grantId: grant.id, reason: 'out_of_scope' };
    else return { allowed: true, grantId: grant.id, reason: 'granted' };
    first ??= decision;
  }
  return first as ConsentDecision;
}

/** Throws 403 CONSENT.REQUIRED unless consent allows it. Use inside a service's transaction, behind `consentGuard`. */
export async function requireConsent(tx: Tx, q: ConsentQuery): Promise<string> {
  const decision = await checkConsent(tx, q);
  if (decision.allowed) return decision.grantId as string;
  throw new AppError('CONSENT.REQUIRED', 'The client has not given (or has withdrawn) consent for this', { kind: q.kind, reason: decision.reason });
}
