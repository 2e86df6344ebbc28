import { sql } from 'drizzle-orm';
import { boolean, check, index, inet, integer, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';

export const identitySchema = pgSchema('identity');

/** People. Global (a person can belong to several orgs); PII is encrypted with the user's own data key. */
export const users = identitySchema.table(
  'users',
  {
    id: uuid('id').primaryKey(),
    emailBlindIndex: bytea('email_blind_index').notNull(),
    emailCiphertext: bytea('email_ciphertext').notNull(),
    nameCiphertext: bytea('name_ciphertext').notNull(),
    phoneCiphertext: bytea('phone_ciphertext'),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale', { enum: ['uk', 'en'] })
      .notNull()
      .default('uk'),
    platformAdmin: boolean('platform_admin').notNull().default(false),
    totpSecretCiphertext: bytea('totp_secret_ciphertext'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    totpLastStep: integer('totp_last_step'),
    defaultOrgId: uuid('default_org_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('users_email_bidx').on(t.emailBlindIndex)],
);

export const orgs = identitySchema.table(
  'orgs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    timezone: text('timezone').notNull().default('Europe/Kyiv'),
    locale: text('locale', { enum: ['uk', 'en'] })
      .notNull()
      .default('uk'),
    currency: text('currency').notNull().default('UAH'),
    region: text('region').notNull().default('ua'),
    requireSpecialistMfa: boolean('require_specialist_mfa').notNull().default(false),
    requireNoteCosign: boolean('require_note_cosign').notNull().default(false),
    /** Minutes an SOS may stay unacknowledged before it escalates to the practice's crisis contacts. */
    crisisEscalationMinutes: integer('crisis_escalation_minutes').notNull().default(5),
    /** Cancelling or moving a session less than this many hours before its start flags the late fee (0: never). */
    lateCancellationHours: integer('late_cancellation_hours').notNull().default(24),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('orgs_late_cancellation_hours_ck', sql`${t.lateCancellationHours} between 0 and 168`)],
);

export const memberships = identitySchema.table(
  'memberships',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['client', 'specialist', 'co_specialist', 'supervisor', 'org_admin', 'eap_manager'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('memberships_active_uq')
      .on(t.orgId, t.userId)
      .where(sql`${t.removedAt} is null`),
    index('memberships_user_idx').on(t.userId),
  ],
);

export const invitations = identitySchema.table(
  'invitations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    emailBlindIndex: bytea('email_blind_index').notNull(),
    emailCiphertext: bytea('email_ciphertext').notNull(),
    role: text('role', { enum: ['client', 'specialist', 'co_specialist', 'supervisor', 'org_admin', 'eap_manager'] }).notNull(),
    tokenHash: bytea('token_hash').notNull(),
    invitedBy: uuid('invited_by').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('invitations_token_uq').on(t.tokenHash), index('invitations_org_idx').on(t.orgId, t.createdAt)],
);

/** Refresh-token sessions. One row per issued token; a family shares the login it came from. */
export const authSessions = identitySchema.table(
  'auth_sessions',
  {
    id: uuid('id').primaryKey(),
    familyId: uuid('family_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    orgId: uuid('org_id'),
    tokenHash: bytea('token_hash').notNull(),
    userAgent: text('user_agent'),
    ip: inet('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('auth_sessions_token_uq').on(t.tokenHash),
    index('auth_sessions_family_idx').on(t.familyId),
    index('auth_sessions_user_idx').on(t.userId),
  ],
);

export const recoveryCodes = identitySchema.table(
  'recovery_codes',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: bytea('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
);

export const passwordResets = identitySchema.table(
  'password_resets',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: bytea('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('password_resets_token_uq').on(t.tokenHash)],
);

/**
 * Failed attempts per key ("ip:<addr>", "email:<blind index>", "mfa:<user id>") for throttling that
 * survives restarts and spans instances. Keying by email hash locks unknown emails like known ones,
 * so a lockout reveals nothing about which addresses have accounts.
 */
export const loginAttempts = identitySchema.table('login_attempts', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull().defaultNow(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});
