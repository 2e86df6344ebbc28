import { sql } from 'drizzle-orm';
import { index, inet, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { orgs, users } from '../identity/identity.table';

export const consentSchema = pgSchema('consent');

export const CONSENT_KINDS = ['treatment', 'telehealth', 'recording', 'ai_processing', 'data_sharing', 'research'] as const;
export const CONSENT_JURISDICTIONS = ['UA', 'US', 'EU'] as const;

/** Consent texts by kind and jurisdiction, versioned; platform texts have no org, a practice may add its own. */
export const consentTemplates = consentSchema.table(
  'templates',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').references(() => orgs.id),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    jurisdiction: text('jurisdiction', { enum: CONSENT_JURISDICTIONS }).notNull(),
    version: integer('version').notNull(),
    titleUk: text('title_uk').notNull(),
    titleEn: text('title_en').notNull(),
    bodyUk: text('body_uk').notNull(),
    bodyEn: text('body_en').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('templates_platform_uq')
      .on(t.kind, t.jurisdiction, t.version)
      .where(sql`${t.orgId} is null`),
    uniqueIndex('templates_org_uq')
      .on(t.orgId, t.kind, t.jurisdiction, t.version)
      .where(sql`${t.orgId} is not null`),
  ],
);

/** Grants and revocations, append-only. A revocation points at its grant and takes effect at once. */
export const consentRecords = consentSchema.table(
  'records',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    action: text('action', { enum: ['grant', 'revoke'] }).notNull(),
    kind: text('kind', { enum: CONSENT_KINDS }).notNull(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => consentTemplates.id),
    grantId: uuid('grant_id'),
    recipientUserId: uuid('recipient_user_id').references(() => users.id),
    scope: jsonb('scope').$type<string[]>().notNull().default([]),
    sessionId: uuid('session_id'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    language: text('language', { enum: ['uk', 'en'] }).notNull(),
    signerNameCiphertext: bytea('signer_name_ciphertext'),
    signedHash: text('signed_hash'),
    ip: inet('ip'),
    reasonCiphertext: bytea('reason_ciphertext'),
    recordedBy: uuid('recorded_by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('records_client_idx').on(t.orgId, t.clientUserId, t.kind, t.at),
    index('records_grant_idx').on(t.grantId),
    index('records_recipient_idx').on(t.recipientUserId),
  ],
);
