import type { AuditEntry, Invitation, Org } from '@tend/contracts';
import type { auditLog } from '../../platform/audit';
import type { invitations, orgs } from '../identity';

export const toOrg = (row: typeof orgs.$inferSelect): Org => ({
  id: row.id,
  name: row.name,
  timezone: row.timezone,
  locale: row.locale,
  currency: row.currency,
  region: row.region,
  require_specialist_mfa: row.requireSpecialistMfa,
  require_note_cosign: row.requireNoteCosign,
  late_cancellation_hours: row.lateCancellationHours,
  created_at: row.createdAt.toISOString(),
});

export function invitationStatus(row: typeof invitations.$inferSelect, now = new Date()): Invitation['status'] {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt < now ? 'expired' : 'pending';
}

export const toInvitation = (row: typeof invitations.$inferSelect, email: string): Invitation => ({
  id: row.id,
  email,
  role: row.role,
  status: invitationStatus(row),
  expires_at: row.expiresAt.toISOString(),
  created_at: row.createdAt.toISOString(),
});

export const toAuditEntry = (row: typeof auditLog.$inferSelect, actorName: string | null): AuditEntry => ({
  id: row.id,
  seq: row.seq,
  at: row.at.toISOString(),
  org_id: row.orgId,
  actor_user_id: row.actorUserId,
  actor_name: actorName,
  action: row.action,
  resource_type: row.resourceType,
  resource_id: row.resourceId,
  purpose: row.purpose,
  outcome: row.outcome,
  request_id: row.requestId,
  ip: row.ip,
});
