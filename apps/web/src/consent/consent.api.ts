import type { ConsentEvent, ConsentGrant, ConsentJurisdiction, ConsentKind, ConsentStatusEntry, ConsentTemplate, SharedDataCategory } from '@tend/contracts';
import { api } from '../api/client';

export type { ConsentTemplate };

export type GrantRequest = {
  template_id: string;
  signature_name: string;
  language: 'uk' | 'en';
  recipient_user_id?: string;
  scope?: SharedDataCategory[];
  expires_in_days?: number;
};

export const consentHistoryPageSize = 20;

export const consentApi = {
  templates: (jurisdiction: ConsentJurisdiction) => api.get<ConsentTemplate[]>('/api/v1/consent/templates', { jurisdiction }),
  /** Mine (a client), or a client's of this practice (staff). */
  status: (clientId?: string) => api.get<{ client_id: string; entries: ConsentStatusEntry[] }>('/api/v1/consent/status', { client_id: clientId }),
  history: (page: number, clientId?: string) =>
    api.page<ConsentEvent>('/api/v1/consent/history', { page, per_page: consentHistoryPageSize, client_id: clientId }),
  grant: (body: GrantRequest) => api.post<ConsentGrant>('/api/v1/consent', body),
  revoke: (grantId: string, reason?: string) => api.post<ConsentGrant>(`/api/v1/consent/${grantId}/revoke`, { reason }),
};

/** The kinds a client gives once for all their care, in the order the page shows them; data sharing has its own section. */
export const standingKinds: ConsentKind[] = ['treatment', 'telehealth', 'recording', 'ai_processing', 'research'];
