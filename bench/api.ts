// Setting up a bench practice through the server's public API.

/** One API call as `token`; a failure throws with the server's answer, success gives the envelope's data. */
export async function apiData<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : null,
  });
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return ((await res.json()) as { data: T }).data;
}
