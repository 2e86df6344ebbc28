import crypto from 'node:crypto';
import { authenticator } from 'otplib';

authenticator.options = { window: 1, step: 30, digits: 6 };

export const newTotpSecret = () => authenticator.generateSecret(20);
export const otpauthUrl = (email: string, secret: string) => authenticator.keyuri(email, 'Tend', secret);

/** The 30-second step the code matched, or null; callers reject steps already used (replay). */
export function matchTotp(secret: string, code: string, now = Date.now()): number | null {
  const delta = authenticator.checkDelta(code, secret);
  if (delta === null) return null;
  return Math.floor(now / 1000 / 30) + delta;
}

const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Ten single-use codes like "k3m9p-x2vq7" (about 49 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: 10 }, () => {
    const chars = Array.from(crypto.randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

export const normaliseRecoveryCode = (code: string) => code.trim().toLowerCase().replace('-', '');
