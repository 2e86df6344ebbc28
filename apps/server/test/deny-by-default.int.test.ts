import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Public on purpose. Anything else reachable without a token is a bug. */
const PUBLIC = new Set([
  'GET /health',
  'GET /ready',
  'GET /metrics',
  'GET /api/openapi.json',
  'POST /api/v1/auth/register',
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/login/mfa',
  'POST /api/v1/auth/refresh',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/password/forgot',
  'POST /api/v1/auth/password/reset',
  'GET /api/v1/invitations/preview',
  'POST /api/v1/invitations/accept',
  // Crisis lines are never behind a sign-in (ADR 0011).
  'GET /api/v1/crisis/resources',
  // A calendar app cannot sign in: the secret in the URL is the credential (ADR 0012).
  'GET /api/v1/calendar/:feed',
  // The signed, 5-minute token in the query is the credential (ADR 0008).
  'GET /api/v1/files/download',
  // LiveKit cannot sign in: its signature over the body is the credential (ADR 0017).
  'POST /api/v1/webhooks/livekit',
]);

const concrete = (url: string) => url.replace(/:[A-Za-z]+/g, '0190a5e4-1d2c-7b3a-8f00-000000000001');

describe('deny by default', () => {
  it('answers 401 on every route that is not on the public list', async () => {
    const routes = t.app.registeredRoutes.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS' && r.url.startsWith('/api/v1'));
    expect(routes.length).toBeGreaterThan(25);
    const leaks: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      if (PUBLIC.has(key)) {
        expect(route.public, `${key} is on the public list but does not declare itself public`).toBe(true);
        continue;
      }
      const res = await call(t.app, {
        method: route.method as 'GET',
        url: concrete(route.url),
        payload: route.method === 'GET' || route.method === 'DELETE' ? undefined : {},
      });
      if (res.statusCode !== 401 || res.json().error?.code !== 'AUTH.UNAUTHENTICATED') leaks.push(`${key} → ${res.statusCode}`);
    }
    expect(leaks).toEqual([]);
  });

  it('has no public route that is not on the reviewed list', () => {
    const declared = t.app.registeredRoutes.filter((r) => r.public && r.method !== 'HEAD' && r.url.startsWith('/api/v1')).map((r) => `${r.method} ${r.url}`);
    expect(declared.filter((k) => !PUBLIC.has(k))).toEqual([]);
  });
});
