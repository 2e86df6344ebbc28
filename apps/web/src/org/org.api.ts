import type { AuditEntry, Invitation, Locale, Member, Org, OrgRole } from '@tend/contracts';
import { api } from '../api/client';

export type OrgChanges = {
  name?: string;
  timezone?: string;
  require_specialist_mfa?: boolean;
  require_note_cosign?: boolean;
  late_cancellation_hours?: number;
};

const pageSize = 50;
const orgPath = (orgId: string) => `/api/v1/orgs/${orgId}`;

export const orgApi = {
  create: (body: { name: string; locale: Locale }) => api.post<Org>('/api/v1/orgs', body),
  get: (orgId: string) => api.get<Org>(orgPath(orgId)),
  update: (orgId: string, changes: OrgChanges) => api.patch<Org>(orgPath(orgId), changes),
  members: (orgId: string) => api.get<Member[]>(`${orgPath(orgId)}/members`),
  changeRole: (orgId: string, userId: string, role: OrgRole) => api.patch<unknown>(`${orgPath(orgId)}/members/${userId}`, { role }),
  removeMember: (orgId: string, userId: string) => api.delete<{ ok: true }>(`${orgPath(orgId)}/members/${userId}`),
  invitations: (orgId: string) => api.get<Invitation[]>(`${orgPath(orgId)}/invitations`),
  invite: (orgId: string, body: { email: string; role: OrgRole }) => api.post<Invitation>(`${orgPath(orgId)}/invitations`, body),
  revokeInvitation: (orgId: string, invitationId: string) => api.delete<{ ok: true }>(`${orgPath(orgId)}/invitations/${invitationId}`),
  audit: (orgId: string, page: number) => api.page<AuditEntry>(`${orgPath(orgId)}/audit`, { page, per_page: pageSize }),
};
