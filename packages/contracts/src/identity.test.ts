import { describe, expect, it } from 'vitest';
import { createOrgBody, email, mfaLoginBody, password, registerBody } from './identity';

describe('identity contracts', () => {
  it('normalises emails and bounds their length', () => {
    expect(email.parse('  Olena.K@Example.COM ')).toBe('olena.k@example.com');
    expect(email.safeParse(`${'a'.repeat(250)}@example.com`).success).toBe(false);
    expect(email.safeParse('not an email').success).toBe(false);
  });

  it('asks for passwords of 10 to 128 characters', () => {
    expect(password.safeParse('short').success).toBe(false);
    expect(password.safeParse('long enough phrase').success).toBe(true);
    expect(password.safeParse('x'.repeat(129)).success).toBe(false);
  });

  it('accepts either a TOTP code or a recovery code at the second step, not both', () => {
    expect(mfaLoginBody.safeParse({ challenge: 'c'.repeat(20), code: '123456' }).success).toBe(true);
    expect(mfaLoginBody.safeParse({ challenge: 'c'.repeat(20), recovery_code: 'abcde-23456' }).success).toBe(true);
    expect(mfaLoginBody.safeParse({ challenge: 'c'.repeat(20), code: '123456', recovery_code: 'abcde-23456' }).success).toBe(false);
    expect(mfaLoginBody.safeParse({ challenge: 'c'.repeat(20) }).success).toBe(false);
  });

  it('defaults a new org to Kyiv, Ukrainian and hryvnia, and refuses unknown time zones', () => {
    expect(createOrgBody.parse({ name: 'Practice' })).toMatchObject({ timezone: 'Europe/Kyiv', locale: 'uk', currency: 'UAH', region: 'ua' });
    expect(createOrgBody.safeParse({ name: 'Practice', timezone: 'Mars/Base' }).success).toBe(false);
  });

  it('rejects unknown locales at registration', () => {
    expect(registerBody.safeParse({ email: 'a@b.co', password: 'long enough phrase', name: 'A', locale: 'fr' }).success).toBe(false);
  });
});
