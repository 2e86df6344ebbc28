import type { ErasureRequest, LegalHold, RecordAccessEntry } from '@tend/contracts';
import { api } from '../api/client';

export const recordAccessPageSize = 20;
export type ErasureDecision = { decision: 'approve' | 'reject'; note: string; holds: LegalHold[] };

export const privacyApi = {
  recordAccess: (page: number) => api.page<RecordAccessEntry>('/api/v1/privacy/record-access', { page, per_page: recordAccessPageSize }),
  exportData: (format: 'json' | 'fhir') => api.get<Record<string, unknown>>('/api/v1/privacy/export', { format }),
  erasureRequests: () => api.get<ErasureRequest[]>('/api/v1/privacy/erasure-requests'),
  requestErasure: (reason?: string) => api.post<ErasureRequest>('/api/v1/privacy/erasure-requests', { reason }),
  decide: (requestId: string, body: ErasureDecision) => api.post<ErasureRequest>(`/api/v1/privacy/erasure-requests/${requestId}/decision`, body),
};

/** Saves the export (the envelope's data) as a file, the way a download link would. */
export function saveAsFile(data: unknown, filename: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
