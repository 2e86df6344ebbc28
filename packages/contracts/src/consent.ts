import { z } from 'zod';

export const consentKind = z.enum(['treatment', 'telehealth', 'recording', 'ai_processing', 'data_sharing', 'research']);
export type ConsentKind = z.infer<typeof consentKind>;
export const consentJurisdiction = z.enum(['UA', 'US', 'EU']);
/** What a client may share with a named specialist. */
export const sharedDataCategory = z.enum(['mood', 'journal', 'assessments', 'wearables', 'companion', 'selfcare_goals']);
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
    scope: z.array(sharedDataCategory).min(1).max(6).optional(),
    expires_in_days: z.number().int().min(1).max(DATA_SHARING_MAX_DAYS).optional(),
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
export const consentEvent = z.object({
  id: z.uuid(),
  action: z.enum(['grant', 'revoke']),
  kind: consentKind,
  grant_id: z.uuid(),
  at: z.iso.datetime(),
  by: z.uuid(),
  reason: z.string().nullable(),
});
export const clientQuery = z.object({ client_id: z.uuid().optional() });
