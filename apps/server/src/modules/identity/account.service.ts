import type { AuthSession, Me } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import { ACCESS_TOKEN_SECONDS, hashToken, type Principal } from '../../platform/auth/tokens';
import type { DbContext, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { IdentityDeps, RequestMeta } from './identity.deps';
import { toAuthSession, toMe, userAad } from './identity.mapper';
import { hashPassword, verifyPassword } from './password';
import { pickMembership, principalFor } from './session-issuer';
import { sessionsRepository } from './sessions.repository';
import { matchTotp, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, otpauthUrl } from './totp';
import { type UserRow, usersRepository } from './users.repository';

export const contextOf = (p: Principal): DbContext => ({ userId: p.userId, orgId: p.orgId, role: p.role, platformAdmin: p.platformAdmin, system: false });

/** What a signed-in person does with their own account. */
export function createAccountService(deps: IdentityDeps) {
  const { db, crypto } = deps;
  const actor = (p: Principal, meta: RequestMeta) => ({ userId: p.userId, orgId: p.orgId, requestId: meta.requestId, ip: meta.ip });

  async function self(tx: Tx, p: Principal): Promise<UserRow> {
    const user = await usersRepository.byId(tx, p.userId);
    if (!user) throw new AppError('AUTH.UNAUTHENTICATED', 'Your account no longer exists');
    return user;
  }
  /** An access token whose claims reflect the user's current 2FA state and membership. */
  async function freshAccess(tx: Tx, p: Principal): Promise<string> {
    const user = await self(tx, p);
    const membership = pickMembership(await usersRepository.memberships(tx, p.userId), p.orgId);
    return deps.tokens.issueAccess(principalFor(user, membership, p.sessionId));
  }
  const audit = (tx: Tx, p: Principal, meta: RequestMeta, action: string, purpose = 'account') =>
    recordAudit(tx, actor(p, meta), { action, resourceType: 'user', resourceId: p.userId, subjectUserId: p.userId, purpose });

  return {
    me: (p: Principal, meta: RequestMeta): Promise<Me> =>
      db.inContext(contextOf(p), async (tx) => {
        const user = await self(tx, p);
        const me = await toMe(tx, crypto, user, await usersRepository.memberships(tx, p.userId), p);
        await audit(tx, p, meta, 'user.profile_read'); // last: the audit lane stays locked until commit
        return me;
      }),

    updateProfile: (
      p: Principal,
      patch: { name?: string | undefined; phone?: string | null | undefined; locale?: 'uk' | 'en' | undefined },
      meta: RequestMeta,
    ): Promise<Me> =>
      db.inContext(contextOf(p), async (tx) => {
        await self(tx, p);
        await usersRepository.update(tx, p.userId, {
          ...(patch.name !== undefined ? { nameCiphertext: await crypto.sealForUser(tx, p.userId, patch.name, userAad(p.userId, 'name')) } : {}),
          ...(patch.phone !== undefined
            ? { phoneCiphertext: patch.phone === null ? null : await crypto.sealForUser(tx, p.userId, patch.phone, userAad(p.userId, 'phone')) }
            : {}),
          ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
        });
        await recordAudit(tx, actor(p, meta), {
          action: 'user.profile_update',
          resourceType: 'user',
          resourceId: p.userId,
          subjectUserId: p.userId,
          purpose: 'account',
          details: { fields: Object.keys(patch) },
        });
        return toMe(tx, crypto, await self(tx, p), await usersRepository.memberships(tx, p.userId), p);
      }),

    async changePassword(p: Principal, current: string, next: string, meta: RequestMeta): Promise<void> {
      const user = await db.inContext(contextOf(p), (tx) => self(tx, p));
      if (!(await verifyPassword(user.passwordHash, current))) throw new AppError('AUTH.WRONG_PASSWORD', 'Your current password is not right');
      const passwordHash = await hashPassword(next);
      await db.inContext(contextOf(p), async (tx) => {
        await usersRepository.update(tx, p.userId, { passwordHash });
        await sessionsRepository.revokeAllOfUser(tx, p.userId, 'password_change', p.sessionId);
        await audit(tx, p, meta, 'user.password_change', 'security');
      });
    },

    sessions: (p: Principal): Promise<AuthSession[]> =>
      db.inContext(contextOf(p), async (tx) => (await sessionsRepository.active(tx, p.userId)).map((s) => toAuthSession(s, p.sessionId))),

    revokeSession: (p: Principal, familyId: string, meta: RequestMeta) =>
      db.inContext(contextOf(p), async (tx) => {
        const sessions = await sessionsRepository.active(tx, p.userId);
        if (!sessions.some((s) => s.familyId === familyId)) throw new AppError('SESSION.NOT_FOUND', 'No such active session');
        await sessionsRepository.revokeFamily(tx, familyId, 'revoked_by_user');
        await recordAudit(tx, actor(p, meta), {
          action: 'auth.session_revoke',
          resourceType: 'session',
          resourceId: familyId,
          subjectUserId: p.userId,
          purpose: 'security',
        });
      }),

    switchOrg: (p: Principal, orgId: string, meta: RequestMeta) =>
      db.inContext(contextOf(p), async (tx) => {
        const user = await self(tx, p);
        const memberships = await usersRepository.memberships(tx, p.userId);
        const membership = pickMembership(memberships, orgId);
        if (membership?.orgId !== orgId) throw new AppError('ORG.NOT_FOUND', 'You are not a member of that organization');
        await usersRepository.update(tx, p.userId, { defaultOrgId: orgId });
        await sessionsRepository.setFamilyOrg(tx, p.sessionId, orgId);
        const principal = principalFor(user, membership, p.sessionId);
        // Recorded in the practice being left (the transaction's own): the database lets a transaction write
        // audit entries only for its own practice, and what the person does next is recorded in the new one.
        await recordAudit(tx, actor(p, meta), {
          action: 'user.switch_org',
          resourceType: 'org',
          resourceId: orgId,
          subjectUserId: p.userId,
          purpose: 'account',
        });
        return {
          access_token: await deps.tokens.issueAccess(principal),
          expires_in: ACCESS_TOKEN_SECONDS,
          user: await toMe(tx, crypto, user, memberships, principal),
        };
      }),

    startMfaEnrolment: (p: Principal, meta: RequestMeta) =>
      db.inContext(contextOf(p), async (tx) => {
        const user = await self(tx, p);
        if (user.totpEnabledAt) throw new AppError('AUTH.MFA_ALREADY_ENABLED', 'Two-factor authentication is already on');
        const secret = newTotpSecret();
        await usersRepository.update(tx, p.userId, { totpSecretCiphertext: await crypto.sealForUser(tx, p.userId, secret, userAad(p.userId, 'totp')) });
        await audit(tx, p, meta, 'user.mfa_enrolment_started', 'security');
        const email = (await crypto.open(tx, user.emailCiphertext, userAad(p.userId, 'email'))) ?? '';
        return { secret, otpauth_url: otpauthUrl(email, secret) };
      }),

    confirmMfa: (p: Principal, code: string, meta: RequestMeta) =>
      db.inContext(contextOf(p), async (tx) => {
        const user = await self(tx, p);
        if (user.totpEnabledAt) throw new AppError('AUTH.MFA_ALREADY_ENABLED', 'Two-factor authentication is already on');
        if (!user.totpSecretCiphertext) throw new AppError('AUTH.MFA_NOT_STARTED', 'Start the set-up first');
        const secret = (await crypto.open(tx, user.totpSecretCiphertext, userAad(p.userId, 'totp'))) ?? '';
        const step = matchTotp(secret, code);
        if (step === null) throw new AppError('AUTH.INVALID_TOTP', 'That code is not right; check the time on your phone and try again');
        const codes = newRecoveryCodes();
        await usersRepository.update(tx, p.userId, { totpEnabledAt: new Date(), totpLastStep: step });
        await usersRepository.replaceRecoveryCodes(
          tx,
          p.userId,
          codes.map((c) => ({ id: uuidv7(), codeHash: hashToken(normaliseRecoveryCode(c)) })),
        );
        await audit(tx, p, meta, 'user.mfa_enabled', 'security');
        return { recovery_codes: codes, accessToken: await freshAccess(tx, p) };
      }),

    /** Returns a new access token: "2FA required" and similar claims change with it. */
    async disableMfa(p: Principal, password: string, code: string, meta: RequestMeta): Promise<string> {
      const user = await db.inContext(contextOf(p), (tx) => self(tx, p));
      if (!user.totpEnabledAt || !user.totpSecretCiphertext) throw new AppError('AUTH.MFA_NOT_ENABLED', 'Two-factor authentication is not on');
      if (!(await verifyPassword(user.passwordHash, password))) throw new AppError('AUTH.WRONG_PASSWORD', 'Your password is not right');
      return db.inContext(contextOf(p), async (tx) => {
        const secret = (await crypto.open(tx, user.totpSecretCiphertext as Buffer, userAad(p.userId, 'totp'))) ?? '';
        if (matchTotp(secret, code) === null) throw new AppError('AUTH.INVALID_TOTP', 'That code is not right');
        await usersRepository.update(tx, p.userId, { totpEnabledAt: null, totpSecretCiphertext: null, totpLastStep: null });
        await usersRepository.replaceRecoveryCodes(tx, p.userId, []);
        await audit(tx, p, meta, 'user.mfa_disabled', 'security');
        return freshAccess(tx, p);
      });
    },
  };
}

export type AccountService = ReturnType<typeof createAccountService>;
