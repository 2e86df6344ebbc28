import { index, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { orgs, users } from '../identity/identity.table';

export const crisis = pgSchema('crisis');

/** Every version of a client's safety plan (Stanley–Brown), written with their specialist. Append-only. */
export const safetyPlans = crisis.table(
  'safety_plans',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    version: integer('version').notNull(),
    contentCiphertext: bytea('content_ciphertext').notNull(),
    byUserId: uuid('by_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('safety_plans_version_uq').on(t.orgId, t.clientUserId, t.version)],
);

export const ALERT_STATUSES = ['open', 'acknowledged', 'escalated', 'resolved'] as const;

/** An SOS (or, later, a risky message) that must reach a person fast. */
export const crisisAlerts = crisis.table(
  'alerts',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ['sos', 'risk_message'] }).notNull(),
    status: text('status', { enum: ALERT_STATUSES }).notNull().default('open'),
    jurisdiction: text('jurisdiction'),
    noteCiphertext: bytea('note_ciphertext'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
  },
  (t) => [index('alerts_org_status_idx').on(t.orgId, t.status, t.createdAt), index('alerts_client_idx').on(t.clientUserId)],
);

/** Each step of an alert: created, who was notified on which channel, acknowledged, escalated, resolved. Append-only. */
export const escalationLog = crisis.table(
  'escalation_log',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    alertId: uuid('alert_id')
      .notNull()
      .references(() => crisisAlerts.id),
    step: text('step', { enum: ['created', 'notified', 'acknowledged', 'escalated', 'resolved', 'delivery_failed'] }).notNull(),
    channel: text('channel'),
    recipientUserId: uuid('recipient_user_id'),
    detail: text('detail'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('escalation_log_alert_idx').on(t.alertId, t.at)],
);

/** A risk signal on a client (from a message today; journal and companion text later), for the care team to act on. */
export const riskFlags = crisis.table(
  'risk_flags',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    caseId: uuid('case_id'),
    source: text('source', { enum: ['message'] }).notNull(),
    sourceId: uuid('source_id').notNull(),
    level: text('level', { enum: ['moderate', 'high', 'crisis'] }).notNull(),
    matched: text('matched').array().notNull(),
    status: text('status', { enum: ['open', 'acknowledged', 'resolved'] })
      .notNull()
      .default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    noteCiphertext: bytea('note_ciphertext'),
  },
  (t) => [index('risk_flags_org_status_idx').on(t.orgId, t.status, t.createdAt), index('risk_flags_client_idx').on(t.clientUserId)],
);
