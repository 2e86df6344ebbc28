import type { CaseAccessGrant, CaseDto, CaseEvent, CaseListQuery, CaseStatus, CaseSummary, LastSessionFilter, RiskLevel } from '@tend/contracts';
import { api } from '../api/client';

export type CaseFilters = Pick<CaseListQuery, 'sort'> & { status?: CaseStatus; risk?: RiskLevel; last_session?: LastSessionFilter; page: number };
export type NewCase = { client_user_id: string; specialist_user_id?: string; title: string; jurisdiction: string; risk_level?: RiskLevel };

const casePath = (caseId: string) => `/api/v1/cases/${caseId}`;
export const casesPageSize = 20;

export const casesApi = {
  list: (filters: CaseFilters) => api.page<CaseSummary>('/api/v1/cases', { ...filters, per_page: casesPageSize }),
  create: (body: NewCase) => api.post<CaseDto>('/api/v1/cases', body),
  get: (caseId: string) => api.get<CaseDto>(casePath(caseId)),
  history: (caseId: string) => api.get<CaseEvent[]>(`${casePath(caseId)}/history`),
  changeStatus: (caseId: string, to: CaseStatus, reason?: string) => api.post<CaseDto>(`${casePath(caseId)}/status`, { to, reason }),
  changeRisk: (caseId: string, level: RiskLevel, note?: string) => api.post<CaseDto>(`${casePath(caseId)}/risk`, { level, note }),
  transfer: (caseId: string, toSpecialistId: string, reason: string) =>
    api.post<{ ok: true }>(`${casePath(caseId)}/transfer`, { to_specialist_id: toSpecialistId, reason }),
  team: (caseId: string) => api.get<CaseAccessGrant[]>(`${casePath(caseId)}/access`),
  grant: (caseId: string, userId: string, role: CaseAccessGrant['role']) => api.post<CaseAccessGrant>(`${casePath(caseId)}/access`, { user_id: userId, role }),
  revoke: (caseId: string, userId: string) => api.delete<{ ok: true }>(`${casePath(caseId)}/access/${userId}`),
};
