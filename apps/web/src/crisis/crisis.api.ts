import type { CrisisAlert, Notification, SafetyPlan, SafetyPlanContent } from '@tend/contracts';
import { api } from '../api/client';

export type CrisisLine = {
  kind: 'emergency' | 'crisis_line' | 'text_line' | 'children' | 'domestic_violence';
  number: string;
  tel: string;
  sms?: string;
  label: { uk: string; en: string };
  note?: { uk: string; en: string };
  verified: boolean;
};
export type CrisisResources = { jurisdiction: string; lines: CrisisLine[]; fallback: boolean };
export type SosResult = { alert_id: string | null; resources: CrisisResources; safety_plan: SafetyPlan | null; notified: number };

export type RiskFlag = {
  id: string;
  client: { id: string; name: string };
  case_id: string | null;
  source: string;
  source_id: string;
  level: 'moderate' | 'high' | 'crisis';
  matched: string[];
  status: 'open' | 'acknowledged' | 'resolved';
  created_at: string;
  acknowledged_at: string | null;
  resolved_at: string | null;
  note: string | null;
};

export const crisisApi = {
  riskFlags: () => api.get<RiskFlag[]>('/api/v1/risk-flags', { open: 'true' }),
  acknowledgeFlag: (flagId: string) => api.post<RiskFlag>(`/api/v1/risk-flags/${flagId}/acknowledge`, {}),
  resources: (jurisdiction: string) => api.get<CrisisResources>('/api/v1/crisis/resources', { jurisdiction }),
  sos: (jurisdiction: string) => api.post<SosResult>('/api/v1/crisis/sos', { jurisdiction }),
  alerts: (open: boolean) => api.get<CrisisAlert[]>('/api/v1/crisis/alerts', { open: String(open) }),
  alert: (alertId: string) => api.get<CrisisAlert>(`/api/v1/crisis/alerts/${alertId}`),
  acknowledge: (alertId: string, note?: string) => api.post<CrisisAlert>(`/api/v1/crisis/alerts/${alertId}/acknowledge`, { note }),
  resolve: (alertId: string, note?: string) => api.post<CrisisAlert>(`/api/v1/crisis/alerts/${alertId}/resolve`, { note }),
  safetyPlan: (clientId?: string) => api.get<SafetyPlan>('/api/v1/crisis/safety-plan', { client_id: clientId }),
  saveSafetyPlan: (baseVersion: number, plan: SafetyPlanContent, clientId?: string) =>
    api.put<SafetyPlan>('/api/v1/crisis/safety-plan', { client_id: clientId, base_version: baseVersion, plan }),
};

const flagLevels: readonly RiskFlag['level'][] = ['moderate', 'high', 'crisis'];

/** Adds the flag a `risk.flag` notification announces to the loaded list, until the list is fetched again. */
export function withProvisionalFlag(flags: RiskFlag[] | undefined, event: Notification): RiskFlag[] | undefined {
  const { flag_id: id, level, message_id: messageId, case_id: caseId } = event.data;
  const known = flagLevels.find((l) => l === level);
  if (!flags || !id || !messageId || !known || flags.some((flag) => flag.id === id)) return flags;
  const provisional: RiskFlag = {
    id,
    client: { id: '', name: '' },
    case_id: caseId ?? null,
    source: 'message',
    source_id: messageId,
    level: known,
    matched: [],
    status: 'open',
    created_at: event.created_at,
    acknowledged_at: null,
    resolved_at: null,
    note: null,
  };
  return [provisional, ...flags];
}
