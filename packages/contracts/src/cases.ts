import { z } from 'zod';

export const caseStatus = z.enum(['draft', 'active', 'paused', 'closed', 'archived', 'transferred']);
export type CaseStatus = z.infer<typeof caseStatus>;
export const riskLevel = z.enum(['low', 'moderate', 'high', 'crisis']);
export type RiskLevel = z.infer<typeof riskLevel>;

/**
 * The case status machine. `transferred` means care moved to another provider outside the
 * practice; a transfer to another specialist inside the practice keeps the case and its status.
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  draft: ['active', 'closed'],
  active: ['paused', 'closed', 'transferred'],
  paused: ['active', 'closed', 'transferred'],
  closed: ['archived'],
  transferred: ['archived'],
  archived: [],
};
export const canTransition = (from: CaseStatus, to: CaseStatus): boolean => CASE_TRANSITIONS[from].includes(to);

/** Days after the last completed session at which an active case pauses by itself. */
export const AUTO_PAUSE_DAYS = 30;
/** When an active case will pause, from its last completed session; null when nothing is scheduled to pause it. */
export function autoPauseAt(status: CaseStatus, lastSessionAt: Date | null): Date | null {
  if (status !== 'active' || !lastSessionAt) return null;
  return new Date(lastSessionAt.getTime() + AUTO_PAUSE_DAYS * 86_400_000);
}

/** ISO 3166-1 alpha-2 country, optionally with an ISO 3166-2 subdivision: UA, US-NY, DE-BE. */
export const jurisdiction = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'Use a country code such as UA, DE or US-NY');

const clinicalText = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const insurance = z.object({
  payer: clinicalText(200),
  member_id: clinicalText(100),
  group_number: z.string().trim().max(100).optional(),
  notes: z.string().trim().max(2000).optional(),
});
export type Insurance = z.infer<typeof insurance>;

export const personRef = z.object({ id: z.uuid(), name: z.string() });

/** How the caller reaches this case. */
export const caseAccessKind = z.enum(['primary', 'co_specialist', 'supervisor', 'org_admin', 'client']);

export const caseDto = z.object({
  id: z.uuid(),
  org_id: z.uuid(),
  title: z.string(),
  status: caseStatus,
  risk_level: riskLevel,
  jurisdiction: z.string(),
  client: personRef,
  specialist: personRef,
  /** Only for the care team; null for the client and when there is none. */
  insurance: insurance.nullable(),
  opened_at: z.iso.datetime().nullable(),
  closed_at: z.iso.datetime().nullable(),
  last_session_at: z.iso.datetime().nullable(),
  auto_pause_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
  my_access: caseAccessKind,
});
export type CaseDto = z.infer<typeof caseDto>;

/**
 * A case as a list shows it: what a caseload line, a client's "my care" and the pickers need, and no more.
 * Insurance and the record's other dates are on the case itself (`GET /cases/:id`), so a list never opens
 * insurance details for every line (minimum necessary, ADR 0029).
 */
export const caseSummary = caseDto.pick({
  id: true,
  title: true,
  status: true,
  risk_level: true,
  jurisdiction: true,
  client: true,
  specialist: true,
  last_session_at: true,
  auto_pause_at: true,
  updated_at: true,
  my_access: true,
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const createCaseBody = z
  .object({
    client_user_id: z.uuid(),
    /** Defaults to the caller; an org admin names the specialist. */
    specialist_user_id: z.uuid().optional(),
    title: clinicalText(300),
    jurisdiction,
    risk_level: riskLevel.optional(),
    insurance: insurance.nullable().optional(),
  })
  .strict();

export const updateCaseBody = z
  .object({ title: clinicalText(300).optional(), jurisdiction: jurisdiction.optional(), insurance: insurance.nullable().optional() })
  .strict()
  .refine((b) => Object.keys(b).length > 0, 'Change at least one field');

/** When the client was last seen: within a week or a month, more than a month ago (auto-pause's mark), or never. */
export const lastSessionFilters = ['past_week', 'past_month', 'over_a_month', 'never'] as const;
export type LastSessionFilter = (typeof lastSessionFilters)[number];

export const caseListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
  status: caseStatus.optional(),
  risk: riskLevel.optional(),
  specialist_id: z.uuid().optional(),
  client_id: z.uuid().optional(),
  last_session: z.enum(lastSessionFilters).optional(),
  sort: z.enum(['updated', 'risk', 'last_session']).default('updated'),
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const changeStatusBody = z.object({ to: caseStatus, reason: z.string().trim().max(2000).optional() }).strict();
export const changeRiskBody = z.object({ level: riskLevel, note: z.string().trim().max(2000).optional() }).strict();
export const transferBody = z.object({ to_specialist_id: z.uuid(), reason: clinicalText(2000) }).strict();
export const grantCaseAccessBody = z.object({ user_id: z.uuid(), role: z.enum(['co_specialist', 'supervisor']) }).strict();
export const caseMemberParams = z.object({ id: z.uuid(), userId: z.uuid() });

export const caseAccessGrant = z.object({
  user: personRef,
  role: z.enum(['co_specialist', 'supervisor']),
  granted_by: z.uuid(),
  granted_at: z.iso.datetime(),
});
export type CaseAccessGrant = z.infer<typeof caseAccessGrant>;

/**
 * What a case's history records; `file_added`/`file_removed` carry file_id and mime_type, the filename stays
 * encrypted with the file; `plan_saved` carries the plan's version and goal count, `plan_progress` the goal
 * (and objective) ids and the figure, the goal's wording stays encrypted in the plan. `form_sent`, `form_submitted`
 * and `form_cancelled` carry the form assignment's id (and, when submitted, whether it was signed as `signed`: "true" or
 * "false"); its title and answers stay with the assignment, where only those who may read the case's forms see them.
 */
export const caseEventKinds = [
  'created',
  'updated',
  'status_changed',
  'risk_changed',
  'transferred',
  'access_granted',
  'access_revoked',
  'file_added',
  'file_removed',
  'plan_saved',
  'plan_progress',
  'homework_assigned',
  'form_sent',
  'form_submitted',
  'form_cancelled',
] as const;
export type CaseEventKind = (typeof caseEventKinds)[number];

export const caseEvent = z.object({
  id: z.uuid(),
  kind: z.enum(caseEventKinds),
  at: z.iso.datetime(),
  actor: personRef.nullable(),
  data: z.record(z.string(), z.string().nullable()),
  note: z.string().nullable(),
});
export type CaseEvent = z.infer<typeof caseEvent>;
