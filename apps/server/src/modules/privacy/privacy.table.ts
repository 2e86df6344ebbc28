import { date, index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { orgs, users } from '../identity/identity.table';

export const privacy = pgSchema('privacy');

export const ERASURE_STATUSES = ['requested', 'approved', 'rejected', 'completed'] as const;
export const DATA_CATEGORIES = ['clinical_record', 'forms', 'profile'] as const;

/** A client's request that a practice erase their data; an org admin decides it. */
export const erasureRequests = privacy.table(
  'erasure_requests',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ERASURE_STATUSES }).notNull().default('requested'),
    reasonCiphertext: bytea('reason_ciphertext'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [index('erasure_requests_org_idx').on(t.orgId, t.requestedAt), index('erasure_requests_client_idx').on(t.clientUserId)],
);

/** What must be kept despite an approved erasure, why, and until when. */
export const legalHolds = privacy.table(
  'legal_holds',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => erasureRequests.id),
    clientUserId: uuid('client_user_id').notNull(),
    category: text('category', { enum: DATA_CATEGORIES }).notNull(),
    basis: text('basis').notNull(),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
  },
  (t) => [index('legal_holds_expiry_idx').on(t.expiresOn)],
);
