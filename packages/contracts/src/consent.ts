import { z } from 'zod';
import { pageQuery } from './envelope';

export const consentKind = z.enum(['treatment', 'telehealth', 'recording', 'ai_processing', 'data_sharing', 'research']);
export type ConsentKind = z.infer<typeof consentKind>;
export const consentJurisdiction = z.enum(['UA', 'US', 'EU']);
export type ConsentJurisdiction = z.infer<typeof consentJurisdiction>;

/** The EU's 27 member states (ISO 3166-1 alpha-2), and `EU` itself for a case filed under the Union as a whole. */
export const EU_JURISDICTIONS: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
  'EU',
]);

/**
 * Which consent texts a case's jurisdiction (UA, US-OH, DE-BE) calls for: Ukraine's, the United States'
 * (HIPAA) or the EU's (GDPR); null where Tend ships none, so the client picks.
 */
export function consentJurisdictionOf(jurisdiction: string): ConsentJurisdiction | null {
  const country = jurisdiction.trim().toUpperCase().split('-')[0] ?? '';
  if (country === 'UA' || country === 'US') return country;
  return EU_JURISDICTIONS.has(country) ? 'EU' : null;
}
/** What a client may share with a named specialist. */
export const sharedDataCategory = z.enum(['mood', 'journal', 'assessments', 'wearables', 'companion', 'selfcare_goals', 'messages_summary']);
export type SharedDataCategory = z.infer<typeof sharedDataCategory>;

/** Default and longest life of a data-sharing grant (issue 3: default 90 days). */
export const DATA_SHARING_DEFAULT_DAYS = 90;
export const DATA_SHARING_MAX_DAYS = 365;

export const consentTemplate = z.object({
  id: z.uuid(),
  kind: consentKind,
  jurisdiction: consentJurisdiction,
  version: z.number().int(),
  title: z.object({ uk: z.string(), en: z.string() }),
  body: z.object({ uk: z.string(), en: z.string() }),
  practice_text: z.boolean(),
});
export type ConsentTemplate = z.infer<typeof consentTemplate>;
export const templatesQuery = z.object({ jurisdiction: consentJurisdiction.optional(), kind: consentKind.optional() });
export const createTemplateBody = z
  .object({
    kind: consentKind,
    jurisdiction: consentJurisdiction,
    title_uk: z.string().trim().min(3).max(200),
    title_en: z.string().trim().min(3).max(200),
    body_uk: z.string().trim().min(20).max(20_000),
    body_en: z.string().trim().min(20).max(20_000),
  })
  .strict();

export const grantConsentBody = z
  .object({
    template_id: z.uuid(),
    /** The client's full name, typed as their signature. */
    signature_name: z.string().trim().min(2).max(200),
    language: z.enum(['uk', 'en']),
    recipient_user_id: z.uuid().optional(),
    scope: z
      .array(sharedDataCategory)
      .min(1)
      .max(sharedDataCategory.options.length)
      .refine((categories) => new Set(categories).size === categories.length, 'Name each category once')
      .optional(),
    expires_in_days: z.number().int().min(1).max(DATA_SHARING_MAX_DAYS).optional(),
    /** For recording consent only: the one session it covers (a grant without it covers every session). */
    session_id: z.uuid().optional(),
  })
  .strict();
export const revokeConsentBody = z.object({ reason: z.string().trim().max(1000).optional() }).strict();

export const consentGrant = z.object({
  id: z.uuid(),
  kind: consentKind,
  template: z.object({ id: z.uuid(), version: z.number().int(), jurisdiction: consentJurisdiction }),
  client_id: z.uuid(),
  recipient: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  scope: z.array(sharedDataCategory),
  session_id: z.uuid().nullable(),
  granted_at: z.iso.datetime(),
  expires_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
  state: z.enum(['active', 'revoked', 'expired']),
  signature: z.object({ name: z.string(), language: z.enum(['uk', 'en']), hash: z.string(), ip: z.string().nullable() }),
});
export type ConsentGrant = z.infer<typeof consentGrant>;
/** One grant or revocation in a client's consent history (newest first). */
export const consentEvent = z.object({
  id: z.uuid(),
  action: z.enum(['grant', 'revoke']),
  kind: consentKind,
  grant_id: z.uuid(),
  at: z.iso.datetime(),
  by: z.uuid(),
  recipient_id: z.uuid().nullable(),
  scope: z.array(sharedDataCategory),
  session_id: z.uuid().nullable(),
  /** Grants only. */
  expires_at: z.iso.datetime().nullable(),
  /** Revocations only: the client's own words, if they gave any. */
  reason: z.string().nullable(),
});
export type ConsentEvent = z.infer<typeof consentEvent>;
export const clientQuery = z.object({ client_id: z.uuid().optional() });
export const historyQuery = clientQuery.extend(pageQuery.shape);

/**
 * Where a client stands, per kind (and per data-sharing recipient, per recorded session): the newest
 * grant decides; `none` when they never gave that kind of consent in this practice.
 */
export const consentStatusEntry = z.object({
  kind: consentKind,
  state: z.enum(['granted', 'revoked', 'expired', 'none']),
  grant_id: z.uuid().nullable(),
  template: z.object({ id: z.uuid(), version: z.number().int(), jurisdiction: consentJurisdiction }).nullable(),
  recipient: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  scope: z.array(sharedDataCategory),
  session_id: z.uuid().nullable(),
  granted_at: z.iso.datetime().nullable(),
  expires_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
});
export type ConsentStatusEntry = z.infer<typeof consentStatusEntry>;

/** Where a kind of consent stands when the client never gave it in this practice. */
export function consentNeverGiven(kind: ConsentKind): ConsentStatusEntry {
  return {
    kind,
    state: 'none',
    grant_id: null,
    template: null,
    recipient: null,
    scope: [],
    session_id: null,
    granted_at: null,
    expires_at: null,
    revoked_at: null,
  };
}
export const consentStatus = z.object({ client_id: z.uuid(), entries: z.array(consentStatusEntry) });

/** A client who currently shares data with me (the named specialist), and what, until when. */
export const sharedWithMeEntry = z.object({
  grant_id: z.uuid(),
  client: z.object({ id: z.uuid(), name: z.string() }),
  scope: z.array(sharedDataCategory),
  granted_at: z.iso.datetime(),
  expires_at: z.iso.datetime().nullable(),
});
export type SharedWithMeEntry = z.infer<typeof sharedWithMeEntry>;
