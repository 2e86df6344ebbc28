import type { ConsentKind } from '@tend/contracts';
import { type AuditActor, recordAudit } from '../../platform/audit';
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
/** Pass to have a refusal written to the audit log in the caller's transaction (`route` goes in its details). */
export type DenialAudit = { actor: AuditActor; route?: string };

/** The state of one grant at `at`. */
export function grantState(grant: RecordRow, revoked: boolean, at: Date): 'active' | 'revoked' | 'expired' {
  if (revoked) return 'revoked';
  if (grant.expiresAt && grant.expiresAt.getTime() <= at.getTime()) return 'expired';
  return 'active';
}

/** What one grant, in its state, says to this query. */
function decide(q: ConsentQuery, grant: RecordRow, state: ReturnType<typeof grantState>): ConsentDecision {
  if (state !== 'active') return { allowed: false, grantId: grant.id, reason: state };
  if (q.kind === 'data_sharing' && grant.recipientUserId !== q.actorUserId) return { allowed: false, grantId: grant.id, reason: 'not_recipient' };
  if (q.kind === 'data_sharing' && (!q.category || !grant.scope.includes(q.category))) return { allowed: false, grantId: grant.id, reason: 'out_of_scope' };
  return { allowed: true, grantId: grant.id, reason: 'granted' };
}

/**
 * "May this actor do this with this client's data now?" The one question every module asks. Any
 * active grant that covers the query allows it; otherwise the newest grant's reason is given. A
 * revocation counts the moment it commits (the database is read every time, no cache).
 */
export async function checkConsent(tx: Tx, q: ConsentQuery, audit?: DenialAudit): Promise<ConsentDecision> {
  const decision = await decideConsent(tx, q);
  if (!decision.allowed && audit) {
    await recordAudit(tx, audit.actor, {
      action: 'consent.denied',
      resourceType: 'consent',
      resourceId: decision.grantId,
      subjectUserId: q.clientUserId,
      // Someone tried to use the client's data for their care and was stopped.
      purpose: 'treatment',
      outcome: 'failure',
      details: {
        kind: q.kind,
        reason: decision.reason,
        ...(q.category ? { category: q.category } : {}),
        ...(q.sessionId ? { session_id: q.sessionId } : {}),
        ...(audit.route ? { route: audit.route } : {}),
      },
    });
  }
  return decision;
}

async function decideConsent(tx: Tx, q: ConsentQuery): Promise<ConsentDecision> {
  const at = q.at ?? new Date();
  const grants = (await consentRepository.ofClient(tx, q.orgId, q.clientUserId, q.kind)).filter(
    (r) => r.action === 'grant' && r.at.getTime() <= at.getTime() && (q.kind !== 'recording' || !r.sessionId || r.sessionId === q.sessionId),
  );
  if (!grants.length) return { allowed: false, grantId: null, reason: 'no_grant' };
  const revocations = await consentRepository.revocationsOf(
    tx,
    q.orgId,
    q.clientUserId,
    grants.map((g) => g.id),
  );
  const revoked = new Set(revocations.filter((r) => r.at.getTime() <= at.getTime()).map((r) => r.grantId));
  const decisions = grants.map((grant) => decide(q, grant, grantState(grant, revoked.has(grant.id), at)));
  return decisions.find((d) => d.allowed) ?? (decisions[0] as ConsentDecision);
}

/**
 * Throws 403 CONSENT.REQUIRED unless consent allows it; returns the grant that does. Use inside a
 * service's transaction behind `consentGuard`: the guard commits the audit row of a refusal, while a
 * refusal here (a revocation between the guard and the handler) rolls back with the transaction.
 */
export async function requireConsent(tx: Tx, q: ConsentQuery, audit?: DenialAudit): Promise<string> {
  const decision = await checkConsent(tx, q, audit);
  if (decision.allowed) return decision.grantId as string;
  throw consentRequired(q.kind, decision.reason);
}

export const consentRequired = (kind: ConsentKind, reason: ConsentReason) =>
  new AppError('CONSENT.REQUIRED', 'The client has not given (or has withdrawn) consent for this', { kind, reason });

/** The module's entry point for other modules: `consent.check(tx, query)` and `consent.require(tx, query)`. */
export const consent = { check: checkConsent, require: requireConsent } as const;
