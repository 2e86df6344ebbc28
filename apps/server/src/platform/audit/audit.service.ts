import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../db/database';
import { auditLog } from './audit.table';

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

/** Writes one audit row in the caller's transaction; the database chains and seals it. */
export async function recordAudit(tx: Tx, actor: AuditActor, event: AuditEvent): Promise<void> {
  await tx.insert(auditLog).values({
    id: uuidv7(),
    orgId: event.orgId === undefined ? actor.orgId : event.orgId,
    actorUserId: actor.userId,
    action: event.action,
    resourceType: event.resourceType,
    resourceId: event.resourceId ?? null,
    subjectUserId: event.subjectUserId ?? null,
    purpose: event.purpose ?? 'operations',
    outcome: event.outcome ?? 'success',
    requestId: actor.requestId,
    ip: actor.ip,
    details: event.details ?? {},
  });
}
