import { sql } from 'drizzle-orm';
import { check, foreignKey, index, inet, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { orgs, users } from '../identity/identity.table';

export const consentSchema = pgSchema('consent');

export const CONSENT_KINDS = ['treatment', 'telehealth', 'recording', 'ai_processing', 'data_sharing', 'research'] as const;
export const CONSENT_JURISDICTIONS = ['UA', 'US', 'EU'] as const;
const listed = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

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
    check('templates_kind_ck', sql`${t.kind} in (${listed(CONSENT_KINDS)})`),
    check('templates_jurisdiction_ck', sql`${t.jurisdiction} in (${listed(CONSENT_JURISDICTIONS)})`),
    check('templates_version_ck', sql`${t.version} >= 1`),
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
    // A revocation points at a grant of the same table, and a grant is revoked at most once.
    foreignKey({ name: 'records_grant_id_fk', columns: [t.grantId], foreignColumns: [t.id] }),
    uniqueIndex('records_one_revocation_uq')
      .on(t.grantId)
      .where(sql`${t.action} = 'revoke'`),
    check('records_kind_ck', sql`${t.kind} in (${listed(CONSENT_KINDS)})`),
    check('records_language_ck', sql`${t.language} in ('uk', 'en')`),
    // A grant carries its signature; a revocation names its grant and nothing else.
    check(
      'records_shape_ck',
      sql`(${t.action} = 'grant' and ${t.grantId} is null and ${t.signedHash} is not null and ${t.signerNameCiphertext} is not null)
        or (${t.action} = 'revoke' and ${t.grantId} is not null and ${t.signedHash} is null)`,
    ),
    // Data sharing names one recipient, at least one category and an end (ADR 0006).
    check(
      'records_sharing_ck',
      sql`${t.action} = 'revoke' or ${t.kind} <> 'data_sharing'
        or (${t.recipientUserId} is not null and jsonb_array_length(${t.scope}) > 0 and ${t.expiresAt} is not null)`,
    ),
    check('records_recipient_ck', sql`${t.kind} = 'data_sharing' or (${t.recipientUserId} is null and ${t.scope} = '[]'::jsonb)`),
    check('records_session_ck', sql`${t.sessionId} is null or ${t.kind} = 'recording'`),
    check('records_expiry_ck', sql`${t.expiresAt} is null or (${t.expiresAt} > ${t.at} and ${t.expiresAt} <= ${t.at} + interval '8760 hours')`),
  ],
);
