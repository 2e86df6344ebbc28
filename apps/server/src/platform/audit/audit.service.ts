import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../db/database';
import { atCommit } from '../db/statements';

/** Who is acting, from where; taken from the request (or the CLI / a job). */
export type AuditActor = {
  userId: string | null;
  orgId: string | null;
  requestId: string | null;
  ip: string | null;
};

export type AuditEvent = {
  action: string;
  resourceType: string;
  resourceId?: string | null;
  /** The person whose data this is, for "who viewed my record". */
  subjectUserId?: string | null;
  purpose?: string;
  outcome?: 'success' | 'failure';
  details?: Record<string, unknown>;
  /** Defaults to the actor's org; null writes to the platform chain. */
  orgId?: string | null;
};

/**
 * One statement text for every audit row, named so each connection parses and plans it once. Nearly
 * every request writes one, and building drizzle's insert was the largest piece of the server's own
 * work on a booking; the columns are those of `auditLog`, and the trigger fills the chain's.
 */
const INSERT_AUDIT = {
  name: 'tend_audit_insert',
  text: `insert into audit.audit_log (id, org_id, actor_user_id, action, resource_type, resource_id, subject_user_id, purpose, outcome, request_id, ip, details)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
};

/**
 * Writes one audit row in the caller's transaction; the database chains and seals it. The row goes in
 * as the transaction commits, in COMMIT's round trip (nothing reads its own audit rows back), and only if
 * it commits: a request that fails leaves no row, as before.
 */
export async function recordAudit(tx: Tx, actor: AuditActor, event: AuditEvent): Promise<void> {
  await atCommit(tx.$client, {
    ...INSERT_AUDIT,
    values: [
      uuidv7(),
      event.orgId === undefined ? actor.orgId : event.orgId,
      actor.userId,
      event.action,
      event.resourceType,
      event.resourceId ?? null,
      event.subjectUserId ?? null,
      event.purpose ?? 'operations',
      event.outcome ?? 'success',
      actor.requestId,
      actor.ip,
      JSON.stringify(event.details ?? {}),
    ],
  });
}
