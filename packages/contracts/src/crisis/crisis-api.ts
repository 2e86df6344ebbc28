import { z } from 'zod';

const localized = z.object({ uk: z.string(), en: z.string() });
export const crisisLine = z.object({
  kind: z.enum(['emergency', 'crisis_line', 'text_line', 'children', 'domestic_violence']),
  number: z.string(),
  tel: z.string(),
  sms: z.string().optional(),
  label: localized,
  note: localized.optional(),
  verified: z.boolean(),
});
export const crisisResources = z.object({ jurisdiction: z.string(), lines: z.array(crisisLine), fallback: z.boolean() });

const stepItems = z.array(z.string().trim().min(1).max(500)).max(20).default([]);
export const safetyContact = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{3,30}$/, 'Enter a phone number'),
  relation: z.string().trim().max(100).optional(),
});
/** Stanley–Brown Safety Planning Intervention: six steps in order, and what makes life worth living. */
export const safetyPlanContent = z.object({
  warning_signs: stepItems,
  internal_coping: stepItems,
  social_distractions: stepItems,
  help_contacts: z.array(safetyContact).max(20).default([]),
  professional_contacts: z.array(safetyContact).max(20).default([]),
  environment_safety: stepItems,
  worth_living_for: z.string().trim().max(2000).default(''),
});
export type SafetyPlanContent = z.infer<typeof safetyPlanContent>;
export const saveSafetyPlanBody = z.object({ client_id: z.uuid().optional(), base_version: z.number().int().min(0), plan: safetyPlanContent }).strict();
export const safetyPlan = z.object({
  client_id: z.uuid(),
  version: z.number().int(),
  plan: safetyPlanContent,
  updated_by: z.object({ id: z.uuid(), name: z.string() }),
  updated_at: z.iso.datetime(),
});
export type SafetyPlan = z.infer<typeof safetyPlan>;

export const sosBody = z
  .object({
    /** Where the client is now (ISO country, optionally with subdivision); unknown values fall back to the international list. */
    jurisdiction: z.string().trim().max(20).optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();
export const sosResult = z.object({
  alert_id: z.uuid().nullable(),
  resources: crisisResources,
  safety_plan: safetyPlan.nullable(),
  /** How many people were alerted now. */
  notified: z.number().int(),
});

export const crisisAlert = z.object({
  id: z.uuid(),
  client: z.object({ id: z.uuid(), name: z.string() }),
  kind: z.enum(['sos', 'risk_message']),
  status: z.enum(['open', 'acknowledged', 'escalated', 'resolved']),
  jurisdiction: z.string().nullable(),
  note: z.string().nullable(),
  created_at: z.iso.datetime(),
  acknowledged_at: z.iso.datetime().nullable(),
  acknowledged_by: z.uuid().nullable(),
  escalated_at: z.iso.datetime().nullable(),
  resolved_at: z.iso.datetime().nullable(),
  log: z
    .array(z.object({ step: z.string(), channel: z.string().nullable(), recipient: z.uuid().nullable(), detail: z.string().nullable(), at: z.iso.datetime() }))
    .optional(),
});
export type CrisisAlert = z.infer<typeof crisisAlert>;
export const alertNoteBody = z.object({ note: z.string().trim().max(2000).optional() }).strict();
