import { bigint, index, inet, jsonb, pgSchema, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns';

export const auditSchema = pgSchema('audit');

/**
 * Append-only, hash-chained per org (org_id null = the platform chain) in 32 interleaved lanes, so
 * concurrent commits do not queue behind one fsync (docs/adr/0003-audit-chain.md). lane, seq,
 * prev_hash and hash are filled by a BEFORE INSERT trigger that locks the lane's head row, so
 * callers cannot forge them.
 */
export const auditLog = auditSchema.table(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id'),
    lane: smallint('lane').notNull().default(0),
    seq: bigint('seq', { mode: 'number' }).notNull().default(0),
    at: timestamp('at', { withTimezone: true, precision: 6 }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    resourceType: text('resource_type').notNull(),
    resourceId: text('resource_id'),
    subjectUserId: uuid('subject_user_id'),
    purpose: text('purpose').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure'] })
      .notNull()
      .default('success'),
    requestId: text('request_id'),
    ip: inet('ip'),
    details: jsonb('details').notNull().default({}),
    prevHash: bytea('prev_hash'),
    hash: bytea('hash'),
  },
  (t) => [
    index('audit_log_chain_idx').on(t.orgId, t.lane, t.seq),
    index('audit_log_org_at_idx').on(t.orgId, t.at),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_subject_idx').on(t.subjectUserId, t.at),
  ],
);
