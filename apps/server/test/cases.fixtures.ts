import { call, type Session, type TestApp } from './harness';

export async function openCase(t: TestApp, by: Session, clientUserId: string, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call(t.app, {
    method: 'POST',
    url: '/api/v1/cases',
    token: by.token,
    payload: { client_user_id: clientUserId, title: 'Low mood after job loss', jurisdiction: 'UA', ...extra },
  });
  if (res.statusCode !== 201) throw new Error(`open case failed: ${res.statusCode} ${res.body}`);
  return res.json().data.id as string;
}

export async function moveCase(t: TestApp, by: Session, caseId: string, to: string, reason?: string) {
  return call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/status`, token: by.token, payload: { to, ...(reason ? { reason } : {}) } });
}
