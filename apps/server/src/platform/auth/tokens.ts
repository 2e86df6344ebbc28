import crypto from 'node:crypto';
import type { OrgRole } from '@tend/contracts';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../http/app-error';

/** What an access token says about its bearer. */
export type Principal = {
  userId: string;
  orgId: string | null;
  role: OrgRole | null;
  platformAdmin: boolean;
  /** The refresh-token family (a signed-in device). */
  sessionId: string;
  /** The org requires 2FA for this role and the user has not enrolled yet. */
  mfaEnrolmentRequired: boolean;
};

export const ACCESS_TOKEN_SECONDS = 15 * 60;
const MFA_CHALLENGE_SECONDS = 5 * 60;
/** A file download link lives this long. */
export const FILE_LINK_SECONDS = 5 * 60;
export const FILE_LINK_AUDIENCE = 'tend:file-download';

/** What a file download link stands for: this user may fetch this file of this org. */
/** `kind` says which table the file is in: a case file (the default) or a chat attachment. */
export type FileLinkClaims = { fileId: string; userId: string; orgId: string; kind?: 'case_file' | 'attachment' };

/** An HMAC key for one purpose, derived from the master key, so one leaked purpose key opens nothing else. */
export function deriveKey(secret: Buffer, purpose: string): Uint8Array {
  return new Uint8Array(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), purpose, 32));
}

export type TokenService = {
  issueAccess(p: Principal): Promise<string>;
  verifyAccess(token: string): Promise<Principal>;
  issueMfaChallenge(userId: string): Promise<string>;
  verifyMfaChallenge(token: string): Promise<string>;
  issueFileLink(claims: FileLinkClaims): Promise<{ token: string; expiresAt: Date }>;
  verifyFileLink(token: string): Promise<FileLinkClaims>;
};

/** How many verified access tokens one process remembers (about 0.5 kB each). */
const VERIFIED_TOKENS_KEPT = 10_000;

/**
 * Access tokens this process has already verified, until they expire: an access token is immutable
 * and stateless (nothing revokes it before its 15 minutes end), so a second verification of the same
 * string can only give the same answer. Checking the HMAC again cost about a tenth of a request's CPU.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { principal: Principal; expiresAt: number }>();
  constructor(
    private readonly capacity: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(token);
      return undefined; // verified again, which answers "expired"
    }
    return entry.principal;
  }

  set(token: string, principal: Principal, expiresAt: number): void {
    if (this.entries.size >= this.capacity) {
      // Maps keep insertion order: the first key is the oldest.
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(token, { principal, expiresAt });
  }

  get size(): number {
    return this.entries.size;
  }
}

/** HS256 JWTs with a key derived from the master key; rotation signs everyone out within 15 minutes. */
export function createTokenService(secret: Buffer): TokenService {
  const key = deriveKey(secret, 'tend:jwt:v1');
  const fileLinkKey = deriveKey(secret, 'tend:file-link:v1');
  const sign = (claims: Record<string, unknown>, subject: string, seconds: number, audience: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(subject)
      .setIssuedAt()
      .setAudience(audience)
      .setIssuer('tend')
      .setExpirationTime(`${seconds}s`)
      .sign(key);
  const verified = new VerifiedTokens(VERIFIED_TOKENS_KEPT);
  const verify = async (token: string, audience: string) => {
    try {
      return (await jwtVerify(token, key, { issuer: 'tend', audience, algorithms: ['HS256'] })).payload;
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw new AppError('AUTH.TOKEN_EXPIRED', 'Your session expired; sign in again');
      throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue');
    }
  };
  return {
    async issueFileLink(c) {
      const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + FILE_LINK_SECONDS * 1000);
      const token = await new SignJWT({ fid: c.fileId, org: c.orgId, ...(c.kind === 'attachment' ? { knd: 'attachment' } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(c.userId)
        .setIssuedAt()
        .setIssuer('tend')
        .setAudience(FILE_LINK_AUDIENCE)
        .setExpirationTime(expiresAt)
        .sign(fileLinkKey);
      return { token, expiresAt };
    },
    async verifyFileLink(token) {
      let c;
      try {
        c = (await jwtVerify(token, fileLinkKey, { issuer: 'tend', audience: FILE_LINK_AUDIENCE, algorithms: ['HS256'] })).payload;
      } catch (error) {
        if (error instanceof joseErrors.JWTExpired) throw new AppError('FILE.LINK_EXPIRED', 'This download link expired; open the file again from the case');
        throw new AppError('FILE.LINK_INVALID', 'This download link is not valid; open the file again from the case');
      }
      if (typeof c.sub !== 'string' || typeof c.fid !== 'string' || typeof c.org !== 'string') {
        throw new AppError('FILE.LINK_INVALID', 'This download link is not valid; open the file again from the case');
      }
      return { fileId: c.fid, userId: c.sub, orgId: c.org, kind: c.knd === 'attachment' ? 'attachment' : 'case_file' };
    },
    issueAccess: (p) =>
      sign({ org: p.orgId, role: p.role, pa: p.platformAdmin, sid: p.sessionId, mer: p.mfaEnrolmentRequired }, p.userId, ACCESS_TOKEN_SECONDS, 'tend:access'),
    async verifyAccess(token) {
      const known = verified.get(token);
      if (known) return known;
      const c = await verify(token, 'tend:access');
      if (typeof c.sub !== 'string' || typeof c.sid !== 'string' || typeof c.exp !== 'number')
        throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue');
      const principal: Principal = {
        userId: c.sub,
        orgId: typeof c.org === 'string' ? c.org : null,
        role: typeof c.role === 'string' ? (c.role as OrgRole) : null,
        platformAdmin: c.pa === true,
        sessionId: c.sid,
        mfaEnrolmentRequired: c.mer === true,
      };
      verified.set(token, principal, c.exp * 1000);
      return principal;
    },
    issueMfaChallenge: (userId) => sign({}, userId, MFA_CHALLENGE_SECONDS, 'tend:mfa'),
    async verifyMfaChallenge(token) {
      try {
        const c = await verify(token, 'tend:mfa');
        if (typeof c.sub !== 'string') throw new Error('no subject');
        return c.sub;
      } catch {
        throw new AppError('AUTH.MFA_CHALLENGE_EXPIRED', 'The sign-in step expired; enter your email and password again');
      }
    },
  };
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export function hashToken(token: string): Buffer {
  return crypto.createHash('sha256').update(token).digest();
}
