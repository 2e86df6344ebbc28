import { z } from 'zod';

export const auditEntry = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  at: z.iso.datetime(),
  org_id: z.uuid().nullable(),
  actor_user_id: z.uuid().nullable(),
  actor_name: z.string().nullable(),
  action: z.string(),
  resource_type: z.string(),
  resource_id: z.string().nullable(),
  purpose: z.string(),
  outcome: z.enum(['success', 'failure']),
  request_id: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
export const auditQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(50),
  action: z.string().max(100).optional(),
  org_id: z.uuid().optional(),
});
export const auditVerification = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  rows: z.number().int(),
  first_bad: z.object({ id: z.uuid(), org_id: z.uuid().nullable(), seq: z.number().int(), reason: z.string() }).nullable(),
});
export type AuditVerification = z.infer<typeof auditVerification>;

export const mail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  status: z.enum(['queued', 'sent', 'failed', 'captured']),
  created_at: z.iso.datetime(),
});
export type Mail = z.infer<typeof mail>;

export const adminOrg = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  region: z.string(),
  members: z.number().int(),
  created_at: z.iso.datetime(),
});
export type AdminOrg = z.infer<typeof adminOrg>;
