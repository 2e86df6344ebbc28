import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { call, createOrg, createTestApp, latestLinkToken, login, register, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const post = (url: string, payload: object, extra: { token?: string; remoteAddress?: string } = {}) => call(t.app, { method: 'POST', url, payload, ...extra });

describe('registration and sign-in', () => {
  it('registers a client, signs them in and sets HttpOnly cookies', async () => {
    const res = await post('/api/v1/auth/register', { email: 'New.Client@Example.test', password: 'a long passphrase', name: 'Nova' });
    expect(res.statusCode).toBe(201);
    expect(res.json().data).toMatchObject({ status: 'authenticated', user: { email: 'new.client@example.test', name: 'Nova', mfa_enabled: false } });
    const cookies = res.cookies.map((c) => `${c.name}:${c.httpOnly ? 'http' : 'js'}`);
    expect(cookies).toEqual(expect.arrayContaining(['tend_access:http', 'tend_refresh:http', 'tend_csrf:js']));
  });

  it('refuses a second account with the same email, whatever its case', async () => {
    const session = await register(t.app);
    const res = await post('/api/v1/auth/register', { email: session.email.toUpperCase(), password: 'another passphrase', name: 'Dup' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('AUTH.EMAIL_TAKEN');
  });

  it('rejects a short password with a clear message', async () => {
    const res = await post('/api/v1/auth/register', { email: 'short@example.test', password: 'short', name: 'S' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0]).toMatchObject({ path: 'password', message: expect.stringMatching(/10 characters/) });
  });

  it('gives the same answer for an unknown email and a wrong password', async () => {
    const session = await register(t.app);
    const unknown = await post('/api/v1/auth/login', { email: 'nobody@example.test', password: 'whatever it is' });
    const wrong = await post('/api/v1/auth/login', { email: session.email, password: 'not the password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe(wrong.json().error.code);
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
  });

  it('locks an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    const session = await register(t.app);
    for (let i = 0; i < 5; i++) expect((await post('/api/v1/auth/login', { email: session.email, password: `wrong ${i} password` })).statusCode).toBe(401);
    const locked = await post('/api/v1/auth/login', { email: session.email, password: session.password });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('AUTH.LOCKED');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('locks an unknown email the same way, revealing nothing', async () => {
    for (let i = 0; i < 5; i++) await post('/api/v1/auth/login', { email: 'ghost@example.test', password: `wrong ${i} password` });
    expect((await post('/api/v1/auth/login', { email: 'ghost@example.test', password: 'x' })).statusCode).toBe(429);
  });

  it('throttles one address across many accounts', async () => {
    const remoteAddress = '192.0.2.77';
    const codes: number[] = [];
    for (let i = 0; i < 32; i++)
      codes.push((await post('/api/v1/auth/login', { email: `spray${i}@example.test`, password: 'guess password' }, { remoteAddress })).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});

describe('tokens', () => {
  it('rotates the refresh token and revokes the whole family when an old one is reused', async () => {
    const session = await register(t.app);
    const first = (await post('/api/v1/auth/login', { email: session.email, password: session.password })).json().data.refresh_token as string;
    const second = await post('/api/v1/auth/refresh', { refresh_token: first });
    expect(second.statusCode).toBe(200);
    const secondToken = second.json().data.refresh_token as string;
    expect(secondToken).not.toBe(first);

    const reuse = await post('/api/v1/auth/refresh', { refresh_token: first });
    expect(reuse.statusCode).toBe(401);
    expect(reuse.json().error.code).toBe('AUTH.REFRESH_REUSED');
    // The legitimate newer token died with the family.
    const after = await post('/api/v1/auth/refresh', { refresh_token: secondToken });
    expect(after.statusCode).toBe(401);
  });

  it('refreshes from the HttpOnly cookie', async () => {
    const session = await register(t.app);
    const res = await post('/api/v1/auth/login', { email: session.email, password: session.password });
    const refresh = res.cookies.find((c) => c.name === 'tend_refresh');
    const again = await call(t.app, { method: 'POST', url: '/api/v1/auth/refresh', cookies: { tend_refresh: refresh?.value ?? '' } });
    expect(again.statusCode).toBe(200);
  });

  it('rejects forged and expired access tokens with 401', async () => {
    const session = await register(t.app);
    const [head, body] = session.token.split('.');
    const forged = `${head}.${body}.${Buffer.from('forged-signature').toString('base64url')}`;
    const r1 = await call(t.app, { method: 'GET', url: '/api/v1/me', token: forged });
    expect(r1.statusCode).toBe(401);
    expect(r1.json().error.code).toBe('AUTH.UNAUTHENTICATED');

    const key = new Uint8Array(crypto.hkdfSync('sha256', Buffer.from(inject('masterKey'), 'base64'), Buffer.alloc(0), 'tend:jwt:v1', 32));
    const expired = await new SignJWT({ sid: crypto.randomUUID() })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(session.userId)
      .setAudience('tend:access')
      .setIssuer('tend')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    const r2 = await call(t.app, { method: 'GET', url: '/api/v1/me', token: expired });
    expect(r2.statusCode).toBe(401);
    expect(r2.json().error.code).toBe('AUTH.TOKEN_EXPIRED');

    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect((await call(t.app, { method: 'GET', url: '/api/v1/me', token: none })).statusCode).toBe(401);
  });

  it('requires the CSRF header for cookie-authenticated writes', async () => {
    const session = await register(t.app);
    const res = await post('/api/v1/auth/login', { email: session.email, password: session.password });
    const cookies = Object.fromEntries(res.cookies.map((c) => [c.name, c.value]));
    const without = await call(t.app, { method: 'PATCH', url: '/api/v1/me', cookies, payload: { name: 'Changed' } });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('REQUEST.CSRF');
    const withHeader = await call(t.app, {
      method: 'PATCH',
      url: '/api/v1/me',
      cookies,
      headers: { 'x-csrf-token': cookies.tend_csrf as string },
      payload: { name: 'Changed' },
    });
    expect(withHeader.statusCode).toBe(200);
  });

  it('signs out one device and lists and revokes the others', async () => {
    const session = await register(t.app);
    const a = await login(t.app, session.email, session.password);
    const b = (await post('/api/v1/auth/login', { email: session.email, password: session.password })).json().data;
    const list = await call(t.app, { method: 'GET', url: '/api/v1/me/sessions', token: a.token });
    expect(list.json().data.length).toBeGreaterThanOrEqual(3);
    const other = list.json().data.find((s: { current: boolean }) => !s.current);
    expect((await call(t.app, { method: 'DELETE', url: `/api/v1/me/sessions/${other.id}`, token: a.token })).statusCode).toBe(200);
    expect((await call(t.app, { method: 'DELETE', url: `/api/v1/me/sessions/${crypto.randomUUID()}`, token: a.token })).statusCode).toBe(404);
    expect((await post('/api/v1/auth/logout', { refresh_token: b.refresh_token })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refresh_token: b.refresh_token })).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('changes the password and signs out other devices', async () => {
    const session = await register(t.app);
    const other = (await post('/api/v1/auth/login', { email: session.email, password: session.password })).json().data;
    const wrong = await post('/api/v1/me/password', { current_password: 'not it at all', new_password: 'brand new passphrase' }, { token: session.token });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('AUTH.WRONG_PASSWORD');
    const ok = await post('/api/v1/me/password', { current_password: session.password, new_password: 'brand new passphrase' }, { token: session.token });
    expect(ok.statusCode).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refresh_token: other.refresh_token })).statusCode).toBe(401);
    await login(t.app, session.email, 'brand new passphrase');
  });

  it('resets a forgotten password through the emailed link, once', async () => {
    const session = await register(t.app);
    const unknown = await post('/api/v1/auth/password/forgot', { email: 'nobody-here@example.test' });
    const known = await post('/api/v1/auth/password/forgot', { email: session.email });
    expect(unknown.statusCode).toBe(202);
    expect(known.statusCode).toBe(202);
    const token = await latestLinkToken(t, session.email, '/reset-password');
    expect((await post('/api/v1/auth/password/reset', { token, new_password: 'recovered passphrase' })).statusCode).toBe(200);
    const again = await post('/api/v1/auth/password/reset', { token, new_password: 'second attempt pass' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('AUTH.RESET_TOKEN_INVALID');
    await login(t.app, session.email, 'recovered passphrase');
  });
});

describe('two-factor authentication', () => {
  const nextStepCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

  async function enrol() {
    const session = await register(t.app);
    const start = await post('/api/v1/me/mfa/enrol', {}, { token: session.token });
    expect(start.statusCode).toBe(200);
    const { secret, otpauth_url } = start.json().data as { secret: string; otpauth_url: string };
    expect(otpauth_url).toMatch(/^otpauth:\/\/totp\/Tend:/);
    const verify = await post('/api/v1/me/mfa/verify', { code: authenticator.generate(secret) }, { token: session.token });
    expect(verify.statusCode).toBe(200);
    const codes = verify.json().data.recovery_codes as string[];
    expect(new Set(codes).size).toBe(10);
    return { session, secret, codes };
  }

  it('asks for a TOTP code after the password and signs in with it', async () => {
    const { session, secret } = await enrol();
    const first = await post('/api/v1/auth/login', { email: session.email, password: session.password });
    expect(first.json().data).toMatchObject({ status: 'mfa_required', challenge: expect.any(String) });
    expect(first.cookies.find((c) => c.name === 'tend_access')).toBeUndefined();
    const second = await post('/api/v1/auth/login/mfa', { challenge: first.json().data.challenge, code: nextStepCode(secret) });
    expect(second.statusCode).toBe(200);
    expect(second.json().data.user.mfa_enabled).toBe(true);
  });

  it('refuses a replayed TOTP code', async () => {
    const { session, secret } = await enrol();
    const code = nextStepCode(secret);
    const c1 = (await post('/api/v1/auth/login', { email: session.email, password: session.password })).json().data.challenge;
    expect((await post('/api/v1/auth/login/mfa', { challenge: c1, code })).statusCode).toBe(200);
    const c2 = (await post('/api/v1/auth/login', { email: session.email, password: session.password })).json().data.challenge;
    expect((await post('/api/v1/auth/login/mfa', { challenge: c2, code })).statusCode).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const { session, codes } = await enrol();
    const challenge = async () => (await post('/api/v1/auth/login', { email: session.email, password: session.password })).json().data.challenge;
    expect((await post('/api/v1/auth/login/mfa', { challenge: await challenge(), recovery_code: codes[0] })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/login/mfa', { challenge: await challenge(), recovery_code: codes[0] })).statusCode).toBe(401);
  });

  it('locks the second factor after repeated wrong codes (10 tries: 401s then 429)', async () => {
    const { session, secret } = await enrol();
    const challenge = (await post('/api/v1/auth/login', { email: session.email, password: session.password })).json().data.challenge;
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await post('/api/v1/auth/login/mfa', { challenge, code: String(100000 + i) })).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    expect((await post('/api/v1/auth/login/mfa', { challenge, code: nextStepCode(secret) })).statusCode).toBe(429);
  });

  it('rejects a forged challenge and a malformed code', async () => {
    expect((await post('/api/v1/auth/login/mfa', { challenge: 'not-a-real-challenge-token', code: '123456' })).json().error.code).toBe(
      'AUTH.MFA_CHALLENGE_EXPIRED',
    );
    expect((await post('/api/v1/auth/login/mfa', { challenge: 'not-a-real-challenge-token', code: '12ab56' })).statusCode).toBe(400);
  });

  it('turns 2FA off with password and code', async () => {
    const { session, secret } = await enrol();
    const fresh = await login(t.app, session.email, session.password).catch(() => null);
    expect(fresh).toBeNull(); // login now needs the second factor
    const res = await post('/api/v1/me/mfa/disable', { password: session.password, code: nextStepCode(secret) }, { token: session.token });
    expect(res.statusCode).toBe(200);
    await login(t.app, session.email, session.password);
  });

  it('makes specialists enrol when their org requires it', async () => {
    const admin = await createOrg(t.app, 'Strict Practice');
    await call(t.app, { method: 'PATCH', url: `/api/v1/orgs/${admin.orgId}`, token: admin.token, payload: { require_specialist_mfa: true } });
    const { addMember } = await import('./harness');
    const specialist = await addMember(t, admin, 'specialist');
    const me = await call(t.app, { method: 'GET', url: '/api/v1/me', token: specialist.token });
    expect(me.json().data.mfa_enrolment_required).toBe(true);
    const blocked = await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}`, token: specialist.token });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('AUTH.MFA_ENROLMENT_REQUIRED');
    // Enrolling answers with a fresh access cookie whose claims no longer block the specialist.
    const start = await post('/api/v1/me/mfa/enrol', {}, { token: specialist.token });
    const verify = await post('/api/v1/me/mfa/verify', { code: authenticator.generate(start.json().data.secret) }, { token: specialist.token });
    const fresh = verify.cookies.find((c) => c.name === 'tend_access')?.value ?? '';
    expect((await call(t.app, { method: 'GET', url: `/api/v1/orgs/${admin.orgId}`, token: fresh })).statusCode).toBe(200);
    const client = await addMember(t, admin, 'client');
    expect((await call(t.app, { method: 'GET', url: '/api/v1/me', token: client.token })).json().data.mfa_enrolment_required).toBe(false);
  });
});
