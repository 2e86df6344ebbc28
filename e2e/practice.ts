// Setting up the demo practice through its public API, as the practice would have done it in the app.
import { inject } from 'vitest';

export type Auth = { access_token: string; user: { id: string; active_org_id: string | null } };

async function request<T>(baseUrl: string, method: string, path: string, token: string | null, body?: unknown): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = (await response.json()) as { data: T };
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json.data;
}

/** The demo practice on one server: the run's own (`practice()`), or one a spec started itself (with LiveKit, say). */
export function practiceAt(baseUrl: string, demoPassword: string) {
  return {
    baseUrl,
    /** One API call; a failure throws with the server's answer. */
    api: <T>(method: string, path: string, token: string | null, body?: unknown) => request<T>(baseUrl, method, path, token, body),
    login: (email: string, password: string = demoPassword) => request<Auth>(baseUrl, 'POST', '/api/v1/auth/login', null, { email, password }),
  };
}
export type Practice = ReturnType<typeof practiceAt>;
export const practice = (): Practice => practiceAt(inject('baseUrl'), inject('demoPassword'));

/** One API call to the run's server; a failure throws with the server's answer. */
export const api = <T>(method: string, path: string, token: string | null, body?: unknown) => request<T>(inject('baseUrl'), method, path, token, body);

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

/** A fixed-offset zone where it is around noon now, so a session starting within the quarter hour fits one local day. */
function zoneAroundNoon(): string {
  const hours = 12 - new Date().getUTCHours();
  return hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** The specialist's availability, licence and session type, an active case, and its video session at the next free quarter hour. */
export async function bookSessionNow(at: Practice, specialistEmail: string, clientEmail: string): Promise<string> {
  const specialist = await at.login(specialistEmail);
  const client = await at.login(clientEmail);
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await at.api('PUT', '/api/v1/scheduling/availability', specialist.access_token, {
    timezone: zoneAroundNoon(),
    rules: allDay,
    min_notice_minutes: 0,
    step_minutes: 15,
    buffer_after_minutes: 0,
  });
  await at.api('PUT', '/api/v1/scheduling/licences', specialist.access_token, { licences: [{ jurisdiction: 'UA' }] });
  const type = await at.api<{ id: string }>('POST', '/api/v1/scheduling/session-types', specialist.access_token, {
    name: 'Video session',
    duration_minutes: 50,
    currency: 'UAH',
    modality: 'video',
  });
  const theCase = await at.api<{ id: string }>('POST', '/api/v1/cases', specialist.access_token, {
    client_user_id: client.user.id,
    title: `Live session ${Date.now()}`,
    jurisdiction: 'UA',
  });
  await at.api('POST', `/api/v1/cases/${theCase.id}/status`, specialist.access_token, { to: 'active' });
  const now = Date.now();
  const slots = await at.api<{ start: string }[]>(
    'GET',
    `/api/v1/scheduling/slots?specialist_id=${specialist.user.id}&session_type_id=${type.id}&from=${new Date(now).toISOString()}&to=${new Date(now + 2 * 3_600_000).toISOString()}`,
    client.access_token,
  );
  const first = slots[0]?.start;
  if (!first) throw new Error(`no free slot: ${JSON.stringify(slots)}`);
  const booked = await at.api<{ id: string }>('POST', '/api/v1/scheduling/book', client.access_token, {
    specialist_id: specialist.user.id,
    session_type_id: type.id,
    starts_at: first,
    case_id: theCase.id,
  });
  return booked.id;
}
