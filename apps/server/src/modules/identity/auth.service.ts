import type { AuthResult } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import { ACCESS_TOKEN_SECONDS, hashToken } from '../../platform/auth/tokens';
import { type Database, systemContext, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { IdentityDeps, RequestMeta, Tokens } from './identity.deps';
import { toMe, userAad } from './identity.mapper';
import { hashPassword, verifyPassword } from './password';
import { issueTokens } from './session-issuer';
import { sessionsRepository } from './sessions.repository';
import { clearFailures, lockedFor, recordFailure, RULES } from './throttle';
import { matchTotp, normaliseRecoveryCode } from './totp';
import { type UserRow, usersRepository } from './users.repository';

export type Authenticated = Extract<AuthResult, { status: 'authenticated' }>;

/** A failure whose bookkeeping (throttle counters, audit rows) must commit before it is answered. */
class CommittedFailure {
  constructor(readonly error: AppError) {}
}
async function inSystem<T>(db: Database, work: (tx: Tx) => Promise<T | CommittedFailure>): Promise<T> {
  const result = await db.inContext(systemContext, work);
  if (result instanceof CommittedFailure) throw result.error;
  return result;
}

const locked = (seconds: number) =>
  new AppError(
    'AUTH.LOCKED',
    `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    { retry_after: seconds },
    { 'retry-after': String(seconds) },
  );
const invalidCredentials = () => new AppError('AUTH.INVALID_CREDENTIALS', 'The email or password is incorrect');

export function createAuthService(deps: IdentityDeps) {
  const { db, crypto } = deps;
  const actor = (meta: RequestMeta, userId: string | null, orgId: string | null = null) => ({ userId, orgId, requestId: meta.requestId, ip: meta.ip });

  async function authenticated(tx: Tx, user: UserRow, tokens: Tokens): Promise<Authenticated> {
    const memberships = await usersRepository.memberships(tx, user.id);
    return {
      status: 'authenticated',
      access_token: tokens.accessToken,
      refresh_token: tokens.refreshToken,
      expires_in: ACCESS_TOKEN_SECONDS,
      user: await toMe(tx, crypto, user, memberships, tokens.principal),
    };
  }

  async function signIn(tx: Tx, user: UserRow, meta: RequestMeta, method: string): Promise<Authenticated> {
    const tokens = await issueTokens(deps, tx, user, meta);
    await recordAudit(tx, actor(meta, user.id, tokens.principal.orgId), {
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user.id,
      subjectUserId: user.id,
      purpose: 'authentication',
      details: { method },
    });
    return authenticated(tx, user, tokens);
  }

  return {
    /** Creates an account without signing it in (registration and invitation acceptance). */
    async createAccount(input: { email: string; password: string; name: string; locale?: 'uk' | 'en' | undefined }, meta: RequestMeta): Promise<string> {
      const passwordHash = await hashPassword(input.password);
      return inSystem(db, async (tx) => {
        const emailIndex = crypto.blindIndex(input.email);
        if (await usersRepository.byEmailIndex(tx, emailIndex)) {
          return new CommittedFailure(new AppError('AUTH.EMAIL_TAKEN', 'An account with this email already exists; sign in or reset your password'));
        }
        const id = uuidv7();
        await crypto.createUserKey(tx, id);
        await usersRepository.insert(tx, {
          id,
          emailBlindIndex: emailIndex,
          emailCiphertext: await crypto.sealForUser(tx, id, input.email, userAad(id, 'email')),
          nameCiphertext: await crypto.sealForUser(tx, id, input.name, userAad(id, 'name')),
          passwordHash,
          locale: input.locale ?? 'uk',
        });
        await recordAudit(tx, actor(meta, id), { action: 'user.register', resourceType: 'user', resourceId: id, subjectUserId: id, purpose: 'authentication' });
        return id;
      });
    },

    /** Starts a session for a user whose identity was just proven another way (registration, invitation link). */
    signInAs: (userId: string, method: string, meta: RequestMeta): Promise<Authenticated> =>
      inSystem(db, async (tx) => {
        const user = await usersRepository.byId(tx, userId);
        if (!user) return new CommittedFailure(new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue'));
        return signIn(tx, user, meta, method);
      }),

    async login(input: { email: string; password: string }, meta: RequestMeta): Promise<AuthResult> {
      const emailIndex = crypto.blindIndex(input.email);
      const keys = [`ip:${meta.ip}`, `email:${emailIndex.toString('hex')}`];
      const found = await inSystem(db, async (tx) => {
        const seconds = await lockedFor(tx, keys);
        if (seconds > 0) {
          await recordAudit(tx, actor(meta, null), {
            action: 'auth.login',
            resourceType: 'user',
            purpose: 'authentication',
            outcome: 'failure',
            details: { reason: 'locked' },
          });
          return new CommittedFailure(locked(seconds));
        }
        return (await usersRepository.byEmailIndex(tx, emailIndex)) ?? null;
      });
      const valid = await verifyPassword(found?.passwordHash ?? null, input.password);
      return inSystem(db, async (tx) => {
        if (!found || !valid) {
          await recordFailure(tx, keys[0] as string, RULES.ip);
          await recordFailure(tx, keys[1] as string, RULES.email);
          await recordAudit(tx, actor(meta, null), {
            action: 'auth.login',
            resourceType: 'user',
            resourceId: found?.id ?? null,
            subjectUserId: found?.id ?? null,
            purpose: 'authentication',
            outcome: 'failure',
            details: { reason: found ? 'wrong_password' : 'unknown_email' },
          });
          return new CommittedFailure(invalidCredentials());
        }
        await clearFailures(tx, [keys[1] as string]);
        if (found.totpEnabledAt) {
          return { status: 'mfa_required' as const, challenge: await deps.tokens.issueMfaChallenge(found.id), expires_in: 300 };
        }
        return signIn(tx, found, meta, 'password');
      });
    },

    async loginWithSecondFactor(
      input: { challenge: string; code?: string | undefined; recovery_code?: string | undefined },
      meta: RequestMeta,
    ): Promise<Authenticated> {
      const userId = await deps.tokens.verifyMfaChallenge(input.challenge);
      const key = `mfa:${userId}`;
      return inSystem(db, async (tx) => {
        const seconds = await lockedFor(tx, [key]);
        if (seconds > 0) return new CommittedFailure(locked(seconds));
        const user = await usersRepository.byId(tx, userId);
        if (!user?.totpSecretCiphertext || !user.totpEnabledAt) return new CommittedFailure(new AppError('AUTH.MFA_CHALLENGE_EXPIRED', 'Sign in again'));
        let method = 'totp';
        if (input.code) {
          const secret = (await crypto.open(tx, user.totpSecretCiphertext, userAad(user.id, 'totp'))) ?? '';
          const step = matchTotp(secret, input.code);
          if (step === null || step <= (user.totpLastStep ?? 0)) return failSecondFactor(tx, user, key, meta);
          await usersRepository.update(tx, user.id, { totpLastStep: step });
        } else {
          method = 'recovery_code';
          const used = await usersRepository.useRecoveryCode(tx, user.id, hashToken(normaliseRecoveryCode(input.recovery_code ?? '')));
          if (!used) return failSecondFactor(tx, user, key, meta);
        }
        await clearFailures(tx, [key]);
        return signIn(tx, user, meta, method);
      });
    },

    async refresh(refreshToken: string | undefined, meta: RequestMeta): Promise<Authenticated> {
      if (!refreshToken) throw new AppError('AUTH.REFRESH_INVALID', 'Sign in again');
      return inSystem(db, async (tx) => {
        const session = await sessionsRepository.byTokenHash(tx, hashToken(refreshToken));
        if (!session || session.revokedAt || session.expiresAt < new Date())
          return new CommittedFailure(new AppError('AUTH.REFRESH_INVALID', 'Your session ended; sign in again'));
        if (session.rotatedAt) {
          // An already-rotated token came back: it was copied. End every session of that sign-in.
          await sessionsRepository.revokeFamily(tx, session.familyId, 'refresh_token_reuse');
          await recordAudit(tx, actor(meta, session.userId), {
            action: 'auth.refresh_reuse',
            resourceType: 'session',
            resourceId: session.familyId,
            subjectUserId: session.userId,
            purpose: 'security',
            outcome: 'failure',
          });
          return new CommittedFailure(new AppError('AUTH.REFRESH_REUSED', 'This session was signed out for your safety; sign in again'));
        }
        const user = await usersRepository.byId(tx, session.userId);
        if (!user) return new CommittedFailure(new AppError('AUTH.REFRESH_INVALID', 'Sign in again'));
        await sessionsRepository.markRotated(tx, session.id);
        const tokens = await issueTokens(deps, tx, user, meta, { familyId: session.familyId, preferredOrgId: session.orgId });
        return authenticated(tx, user, tokens);
      });
    },

    async logout(input: { refreshToken: string | undefined; sessionId: string | null; userId: string | null }, meta: RequestMeta): Promise<void> {
      await db.inContext(systemContext, async (tx) => {
        const session = input.refreshToken ? await sessionsRepository.byTokenHash(tx, hashToken(input.refreshToken)) : undefined;
        const familyId = session?.familyId ?? input.sessionId;
        const userId = session?.userId ?? input.userId;
        if (!familyId || !userId) return;
        await sessionsRepository.revokeFamily(tx, familyId, 'logout');
        await recordAudit(tx, actor(meta, userId), {
          action: 'auth.logout',
          resourceType: 'session',
          resourceId: familyId,
          subjectUserId: userId,
          purpose: 'authentication',
        });
      });
    },
  };

  async function failSecondFactor(tx: Tx, user: UserRow, key: string, meta: RequestMeta) {
    await recordFailure(tx, key, RULES.mfa);
    await recordAudit(tx, actor(meta, user.id), {
      action: 'auth.login',
      resourceType: 'user',
      resourceId: user.id,
      subjectUserId: user.id,
      purpose: 'authentication',
      outcome: 'failure',
      details: { reason: 'wrong_second_factor' },
    });
    return new CommittedFailure(new AppError('AUTH.INVALID_TOTP', 'That code is not right; check your authenticator app and try again'));
  }
}

export type AuthService = ReturnType<typeof createAuthService>;
export { CommittedFailure, inSystem };
