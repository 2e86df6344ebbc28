// Setting up the demo practice through its public API, as the practice would have done it in the app.
import { inject } from 'vitest';

export type Auth = { access_token: string; user: { id: string; active_org_id: string | null } };

/** One API call; a failure throws with the server's answer. */
export async function api<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${inject('baseUrl')}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as { data: T };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json.data;
}

export const login = (email: string, password: string = inject('demoPassword')) => api<Auth>('POST', '/api/v1/auth/login', null, { email, password });

/**
 * A new member of the demo practice, invited by its admin and accepting through the mailed link: for a
 * spec that needs someone no other spec touches (a client without cases, say).
 */
export async function invite(email: string, role: string, name: string, password: string): Promise<Auth> {
  const admin = await login('admin@demo.tend.local');
  await api('POST', `/api/v1/orgs/${admin.user.active_org_id}/invitations`, admin.access_token, { email, role });
  const platform = await login('platform@demo.tend.local');
  let token = '';
  for (const deadline = Date.now() + 15_000; !token && Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    const mails = await api<{ to: string; text: string }[]>('GET', '/api/v1/admin/mail?per_page=50', platform.access_token);
    token = /token=([A-Za-z0-9_-]+)/.exec(mails.find((m) => m.to === email)?.text ?? '')?.[1] ?? '';
  }
  if (!token) throw new Error(`no invitation mail for ${email}`);
  return api<Auth>('POST', '/api/v1/invitations/accept', null, { token, name, password });
}
