import type { AuthResult, OrgRole } from '@tend/contracts';
import { api } from '../api/client';

type InvitationPreview = { org_name: string; role: OrgRole; email: string; expires_at: string };

export const invitationsApi = {
  preview: (token: string) => api.get<InvitationPreview>('/api/v1/invitations/preview', { token }),
  accept: (body: { token: string; name?: string; password?: string }) => api.post<AuthResult>('/api/v1/invitations/accept', body),
};
