import { z } from 'zod';

/** The seven roles of ARCHITECTURE §1. `platform_admin` is a user flag, the rest are org memberships. */
export const orgRoles = ['client', 'specialist', 'co_specialist', 'supervisor', 'org_admin', 'eap_manager'] as const;
export const orgRole = z.enum(orgRoles);
export type OrgRole = z.infer<typeof orgRole>;
export const allRoles = [...orgRoles, 'platform_admin'] as const;
export type Role = (typeof allRoles)[number];

export const locales = ['uk', 'en'] as const;
export const locale = z.enum(locales);
export type Locale = z.infer<typeof locale>;

export const email = z
  .string()
  .trim()
  .max(254, 'An email address has at most 254 characters')
  .pipe(z.email('Enter a valid email address'))
  .transform((v) => v.toLowerCase());

/** NIST 800-63B: length over composition rules; an upper bound keeps hashing cheap. */
export const password = z.string().min(10, 'Use at least 10 characters').max(128, 'Use at most 128 characters');

export const personName = z.string().trim().min(1, 'Enter a name').max(200, 'A name has at most 200 characters');
export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app');
export const recoveryCode = z
  .string()
  .trim()
  .regex(/^[a-z0-9]{5}-?[a-z0-9]{5}$/i, 'Enter a recovery code like abcde-12345');

export const registerBody = z.object({ email, password, name: personName, locale: locale.optional() });
export const loginBody = z.object({ email: z.string().trim().max(254), password: z.string().max(128) });
export const mfaLoginBody = z
  .object({ challenge: z.string().min(10).max(500), code: totpCode.optional(), recovery_code: recoveryCode.optional() })
  .refine((b) => Boolean(b.code) !== Boolean(b.recovery_code), { message: 'Send either code or recovery_code' });
export const refreshBody = z.object({ refresh_token: z.string().min(10).max(200).optional() });
export const passwordChangeBody = z.object({ current_password: z.string().max(128), new_password: password });
export const passwordResetRequestBody = z.object({ email: z.string().trim().max(254) });
export const passwordResetBody = z.object({ token: z.string().min(10).max(200), new_password: password });
export const mfaVerifyBody = z.object({ code: totpCode });
export const mfaDisableBody = z.object({ password: z.string().max(128), code: totpCode });
export const switchOrgBody = z.object({ org_id: z.uuid() });
export const profileUpdateBody = z
  .object({
    name: personName.optional(),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[0-9 ()-]{5,30}$/, 'Enter a phone number')
      .nullable()
      .optional(),
    locale: locale.optional(),
  })
  .strict();

export const membership = z.object({
  org_id: z.uuid(),
  org_name: z.string(),
  role: orgRole,
});
export type Membership = z.infer<typeof membership>;

export const me = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  locale,
  platform_admin: z.boolean(),
  mfa_enabled: z.boolean(),
  active_org_id: z.uuid().nullable(),
  active_role: orgRole.nullable(),
  memberships: z.array(membership),
  /** True when the active org requires 2FA for this user's role and it is not yet enrolled. */
  mfa_enrolment_required: z.boolean(),
});
export type Me = z.infer<typeof me>;

/** Returned by login and refresh. Tokens also go out as HttpOnly cookies; API clients use the body. */
export const authResult = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('authenticated'),
    access_token: z.string(),
    refresh_token: z.string(),
    expires_in: z.number().int(),
    user: me,
  }),
  z.object({ status: z.literal('mfa_required'), challenge: z.string(), expires_in: z.number().int() }),
]);
export type AuthResult = z.infer<typeof authResult>;

export const mfaEnrolment = z.object({ secret: z.string(), otpauth_url: z.string() });
export const recoveryCodes = z.object({ recovery_codes: z.array(z.string()).length(10) });

export const authSession = z.object({
  id: z.uuid(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime(),
  user_agent: z.string().nullable(),
  ip: z.string().nullable(),
  current: z.boolean(),
});
export type AuthSession = z.infer<typeof authSession>;

export const org = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  locale,
  currency: z.string().length(3),
  region: z.string(),
  require_specialist_mfa: z.boolean(),
  /** Progress notes of specialists need a supervisor's co-signature. */
  require_note_cosign: z.boolean(),
  /** Cancelling or moving a session less than this many hours ahead flags the late-cancellation fee; 0 never flags. */
  late_cancellation_hours: z.number().int(),
  created_at: z.iso.datetime(),
});
export type Org = z.infer<typeof org>;

const ianaTimezone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Use an IANA time zone such as Europe/Kyiv' },
);
export const createOrgBody = z.object({
  name: z.string().trim().min(2).max(200),
  timezone: ianaTimezone.default('Europe/Kyiv'),
  locale: locale.default('uk'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default('UAH'),
  region: z.enum(['ua', 'us', 'eu']).default('ua'),
});
export const updateOrgBody = z
  .object({
    name: z.string().trim().min(2).max(200).optional(),
    timezone: ianaTimezone.optional(),
    require_specialist_mfa: z.boolean().optional(),
    require_note_cosign: z.boolean().optional(),
    late_cancellation_hours: z.number().int().min(0).max(168).optional(),
  })
  .strict();

export const member = z.object({
  user_id: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: orgRole,
  mfa_enabled: z.boolean(),
  joined_at: z.iso.datetime(),
});
export type Member = z.infer<typeof member>;
export const changeRoleBody = z.object({ role: orgRole });
export const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });

export const invitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: orgRole,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  expires_at: z.iso.datetime(),
  created_at: z.iso.datetime(),
});
export type Invitation = z.infer<typeof invitation>;
export const createInvitationBody = z.object({ email, role: orgRole });
export const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
export const invitationPreview = z.object({ org_name: z.string(), role: orgRole, email: z.string(), expires_at: z.iso.datetime() });
export const acceptInvitationBody = z.object({
  token: z.string().min(10).max(200),
  /** Needed only when the invitee has no account yet. */
  name: personName.optional(),
  password: password.optional(),
});

export const orgSwitchResult = z.object({ access_token: z.string(), expires_in: z.number().int(), user: me });
export const sessionParams = z.object({ id: z.uuid() });
