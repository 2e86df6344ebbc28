import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, register, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API conventions', () => {
  it('wraps success in the envelope with a request id that matches the header', async () => {
    const res = await call(t.app, { method: 'GET', url: '/health' });
    expect(res.statusCode).toBe(200);
    const session = await register(t.app);
    const me = await call(t.app, { method: 'GET', url: '/api/v1/me', token: session.token });
    const body = me.json();
    expect(body).toMatchObject({ success: true, data: { id: session.userId }, meta: { request_id: expect.any(String) } });
    expect(me.headers['x-request-id']).toBe(body.meta.request_id);
  });

  it('sends the security headers on answers and on errors: CSP, no sniffing, no framing, no referrer', async () => {
    for (const res of [await call(t.app, { method: 'GET', url: '/health' }), await call(t.app, { method: 'GET', url: '/api/v1/me' })]) {
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'self'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('keeps a well-formed incoming x-request-id', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': 'trace-abc-12345' } });
    expect(res.headers['x-request-id']).toBe('trace-abc-12345');
    expect(res.json().error.request_id).toBe('trace-abc-12345');
  });

  it('answers malformed JSON with 400 REQUEST.MALFORMED_JSON', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": "a@b.c",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ success: false, error: { code: 'REQUEST.MALFORMED_JSON', request_id: expect.any(String) } });
  });

  it('answers missing fields, wrong types and unknown enum values with field paths', async () => {
    const missing = await call(t.app, { method: 'POST', url: '/api/v1/auth/register', payload: { email: 'x@example.test' } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('REQUEST.VALIDATION');
    expect(missing.json().error.details.map((d: { path: string }) => d.path)).toEqual(expect.arrayContaining(['password', 'name']));

    const wrongType = await call(t.app, { method: 'POST', url: '/api/v1/auth/register', payload: { email: 42, password: true, name: [] } });
    expect(wrongType.statusCode).toBe(400);

    const session = await register(t.app);
    const badEnum = await call(t.app, { method: 'PATCH', url: '/api/v1/me', token: session.token, payload: { locale: 'klingon' } });
    expect(badEnum.statusCode).toBe(400);
    expect(badEnum.json().error.details[0].path).toBe('locale');
  });

  it('rejects an invalid UUID in a path with 400, not 500', async () => {
    const session = await register(t.app);
    const res = await call(t.app, { method: 'GET', url: '/api/v1/orgs/not-a-uuid', token: session.token });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('REQUEST.VALIDATION');
  });

  it('rejects a 20 MB body with 413', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(20 * 1024 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('REQUEST.BODY_TOO_LARGE');
  });

  it('rejects a 10,000-character email with 400 and a message', async () => {
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { email: `${'a'.repeat(10_000)}@example.test`, password: 'long enough password', name: 'X' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/254/);
  });

  it('stores SQL and HTML in text fields as plain text', async () => {
    const name = `Robert'); DROP TABLE identity.users;-- <script>alert(1)</script>`;
    const session = await register(t.app, { name });
    const me = await call(t.app, { method: 'GET', url: '/api/v1/me', token: session.token });
    expect(me.json().data.name).toBe(name);
    const count = await t.owner.query('select count(*)::int as n from identity.users');
    expect(count.rows[0].n).toBeGreaterThan(0);
  });

  it('answers unknown API routes with 404 when signed in and 401 otherwise (deny by default)', async () => {
    const session = await register(t.app);
    const res = await call(t.app, { method: 'GET', url: '/api/v1/nope', token: session.token });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('REQUEST.NOT_FOUND');
    expect((await call(t.app, { method: 'GET', url: '/api/v1/nope' })).statusCode).toBe(401);
  });

  it('serves a valid OpenAPI 3.1 document that lists the routes', async () => {
    const res = await call(t.app, { method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const document = res.json() as OpenAPIV3_1.Document;
    expect(document.openapi).toBe('3.1.0');
    await SwaggerParser.validate(structuredClone(document) as never);
    expect(Object.keys(document.paths ?? {})).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/me', '/api/v1/orgs/{id}/members']));
    const docs = await call(t.app, { method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('writes every route response with a compiled serializer; none falls back to zod (ADR 0026)', () => {
    // A codec or a transform in a response schema would land here; each one costs that route the speed-up.
    expect(t.app.serializerFallbacks.map((f) => `${f.method} ${f.url} ${f.status}: ${f.reason}`)).toEqual([]);
  });

  it('reports readiness from the database and exposes Prometheus metrics', async () => {
    expect((await call(t.app, { method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
    const metrics = await call(t.app, { method: 'GET', url: '/metrics' });
    expect(metrics.body).toContain('tend_http_request_duration_seconds');
  });
});
