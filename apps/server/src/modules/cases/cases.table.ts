import { sql } from 'drizzle-orm';
import { index, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { orgs, users } from '../identity/identity.table';
import { caseEventKinds } from '@tend/contracts';

export const caseMgmt = pgSchema('case_mgmt');

export const CASE_STATUSES = ['draft', 'active', 'paused', 'closed', 'archived', 'transferred'] as const;
export const RISK_LEVELS = ['low', 'moderate', 'high', 'crisis'] as const;

/** A course of care for one client with one primary specialist. Clinical free text is encrypted with the org key. */
export const cases = caseMgmt.table(
  'cases',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('draft'),
    riskLevel: text('risk_level', { enum: RISK_LEVELS }).notNull().default('low'),
    /** Where the client lives: ISO 3166-1 country, optionally with a subdivision (UA, US-NY, DE). */
    jurisdiction: text('jurisdiction').notNull(),
    titleCiphertext: bytea('title_ciphertext').notNull(),
    insuranceCiphertext: bytea('insurance_ciphertext'),
    openedAt: timestamp('opened_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** Set by the sessions module when a session completes; drives auto-pause. */
    lastSessionAt: timestamp('last_session_at', { withTimezone: true }),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_org_updated_idx').on(t.orgId, t.updatedAt),
    index('cases_specialist_idx').on(t.orgId, t.specialistUserId, t.updatedAt),
    index('cases_client_idx').on(t.clientUserId),
    index('cases_auto_pause_idx')
      .on(t.lastSessionAt)
      .where(sql`${t.status} = 'active'`),
  ],
);

/** Co-specialists and supervisors given access to one case. */
export const caseAccess = caseMgmt.table(
  'case_access',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['co_specialist', 'supervisor'] }).notNull(),
    grantedBy: uuid('granted_by').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    revokedBy: uuid('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('case_access_active_uq')
      .on(t.caseId, t.userId)
      .where(sql`${t.revokedAt} is null`),
    index('case_access_user_idx').on(t.userId),
  ],
);

/** Append-only history of a case: status changes, risk levels, transfers, access. Notes are encrypted. */
export const caseEvents = caseMgmt.table(
  'case_events',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: caseEventKinds }).notNull(),
    actorUserId: uuid('actor_user_id'),
    data: jsonb('data').$type<Record<string, string | null>>().notNull().default({}),
    noteCiphertext: bytea('note_ciphertext'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);
