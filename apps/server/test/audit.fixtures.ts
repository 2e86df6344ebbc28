import type { TestApp } from './harness';

export type AuditRow = {
  id: string;
  org_id: string | null;
  lane: number;
  seq: string;
  action: string;
  outcome: string;
  purpose: string;
  resource_type: string;
  resource_id: string | null;
  actor_user_id: string | null;
  subject_user_id: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  xmin: string;
};

export const AUDIT_COLUMNS =
  'id, org_id, lane, seq, action, outcome, purpose, resource_type, resource_id, actor_user_id, subject_user_id, host(ip) as ip, details, xmin::text as xmin';

/** The audit rows a request wrote, read as the owner (found by the request id every response carries). */
export async function auditRowsOf(t: TestApp, requestId: string | string[] | number | undefined): Promise<AuditRow[]> {
  if (typeof requestId !== 'string') throw new Error('the response has no x-request-id');
  return (await t.owner.query<AuditRow>(`select ${AUDIT_COLUMNS} from audit.audit_log where request_id = $1 order by at`, [requestId])).rows;
}
