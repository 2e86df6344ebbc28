import type { AuthSession, Locale, Me } from '@tend/contracts';
import { api } from '../api/client';

type ProfileChanges = { name?: string; phone?: string | null; locale?: Locale };
type MfaEnrolment = { secret: string; otpauth_url: string };

export const accountApi = {
  updateProfile: (changes: ProfileChanges) => api.patch<Me>('/api/v1/me', changes),
  changePassword: (body: { current_password: string; new_password: string }) => api.post<{ ok: true }>('/api/v1/me/password', body),
  sessions: () => api.get<AuthSession[]>('/api/v1/me/sessions'),
  revokeSession: (sessionId: string) => api.delete<{ ok: true }>(`/api/v1/me/sessions/${sessionId}`),
  startMfaEnrolment: () => api.post<MfaEnrolment>('/api/v1/me/mfa/enrol'),
  verifyMfa: (code: string) => api.post<{ recovery_codes: string[] }>('/api/v1/me/mfa/verify', { code }),
  disableMfa: (body: { password: string; code: string }) => api.post<{ ok: true }>('/api/v1/me/mfa/disable', body),
};
