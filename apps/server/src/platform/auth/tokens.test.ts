import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTokenService, type Principal, VerifiedTokens } from './tokens';

const principal: Principal = {
  userId: '0190a3b2-0000-7000-8000-000000000001',
  orgId: '0190a3b2-0000-7000-8000-000000000002',
  role: 'specialist',
  platformAdmin: false,
  sessionId: '0190a3b2-0000-7000-8000-000000000003',
  mfaEnrolmentRequired: false,
};

describe('verified access tokens', () => {
  it('answers a repeated token from memory with the same principal, and still refuses a forged one', async () => {
    const tokens = createTokenService(crypto.randomBytes(32));
    const token = await tokens.issueAccess(principal);
    expect(await tokens.verifyAccess(token)).toEqual(principal);
    expect(await tokens.verifyAccess(token)).toEqual(principal);
    const [header, , signature] = token.split('.');
    const forgedClaims = Buffer.from(
      JSON.stringify({ sub: 'someone-else', sid: principal.sessionId, exp: 4_000_000_000, iss: 'tend', aud: 'tend:access' }),
    ).toString('base64url');
    await expect(tokens.verifyAccess(`${header}.${forgedClaims}.${signature}`)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
    const other = await createTokenService(crypto.randomBytes(32)).issueAccess(principal);
    await expect(tokens.verifyAccess(other)).rejects.toMatchObject({ code: 'AUTH.UNAUTHENTICATED' });
  });

  it('forgets a token when it expires, so the next check answers "expired"', () => {
    let now = 1_000_000;
    const cache = new VerifiedTokens(10, () => now);
    cache.set('t', principal, now + 60_000);
    expect(cache.get('t')).toEqual(principal);
    now += 60_000;
    expect(cache.get('t')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps at most its capacity, dropping the oldest first', () => {
    const cache = new VerifiedTokens(2);
    const later = Date.now() + 60_000;
    cache.set('a', principal, later);
    cache.set('b', principal, later);
    cache.set('c', principal, later);
    expect(cache.size).toBe(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toEqual(principal);
  });
});
