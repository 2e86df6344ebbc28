import type { AuthResult, Locale, Me } from '@tend/contracts';
import { api, ApiError } from '../api/client';

type OrgSwitchResult = { access_token: string; expires_in: number; user: Me };

/** The signed-in user, or null when nobody is signed in (even after a refresh attempt). */
export async function fetchMe(): Promise<Me | null> {
  try {
    return await api.get<Me>('/api/v1/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

/**
 * The access token carries the role and the 2FA-enrolment flag; after changing either, a refresh
 * re-issues it so `/me` and the guards see the change now rather than when the token expires.
 * A failed refresh needs no handling here: the next call finds the session gone and sends the user to sign in.
 */
export async function reissueAccessToken(): Promise<void> {
  await api.post<AuthResult>('/api/v1/auth/refresh').catch(() => undefined);
}

export const authApi = {
  login: (body: { email: string; password: string }) => api.post<AuthResult>('/api/v1/auth/login', body),
  loginWithCode: (body: { challenge: string; code?: string; recovery_code?: string }) => api.post<AuthResult>('/api/v1/auth/login/mfa', body),
  register: (body: { email: string; password: string; name: string; locale: Locale }) => api.post<AuthResult>('/api/v1/auth/register', body),
  logout: () => api.post<{ ok: true }>('/api/v1/auth/logout'),
  forgotPassword: (body: { email: string }) => api.post<{ ok: true }>('/api/v1/auth/password/forgot', body),
  resetPassword: (body: { token: string; new_password: string }) => api.post<{ ok: true }>('/api/v1/auth/password/reset', body),
  switchOrg: (orgId: string) => api.post<OrgSwitchResult>('/api/v1/me/active-org', { org_id: orgId }),
};
