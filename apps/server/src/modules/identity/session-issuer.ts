import { v7 as uuidv7 } from 'uuid';
import { hashToken, type Principal, randomToken } from '../../platform/auth/tokens';
import type { Tx } from '../../platform/db/database';
import { type IdentityDeps, REFRESH_TOKEN_DAYS, type RequestMeta, STAFF_ROLES, type Tokens } from './identity.deps';
import { sessionsRepository } from './sessions.repository';
import { type MembershipRow, type UserRow, usersRepository } from './users.repository';

/** The org a user acts in: the requested one if they belong to it, else their default, else the first. */
export function pickMembership(memberships: MembershipRow[], preferredOrgId: string | null): MembershipRow | null {
  return memberships.find((m) => m.orgId === preferredOrgId) ?? memberships[0] ?? null;
}

export function principalFor(user: UserRow, membership: MembershipRow | null, sessionId: string): Principal {
  const mfaRequired = Boolean(membership?.requireSpecialistMfa && STAFF_ROLES.has(membership.role) && !user.totpEnabledAt);
  return {
    userId: user.id,
    orgId: membership?.orgId ?? null,
    role: membership?.role ?? null,
    platformAdmin: user.platformAdmin,
    sessionId,
    mfaEnrolmentRequired: mfaRequired,
  };
}

/** Starts a refresh-token family (a new sign-in) or continues one (rotation). */
export async function issueTokens(
  deps: Pick<IdentityDeps, 'tokens'>,
  tx: Tx,
  user: UserRow,
  meta: RequestMeta,
  options: { familyId?: string; preferredOrgId?: string | null } = {},
): Promise<Tokens> {
  const memberships = await usersRepository.memberships(tx, user.id);
  const membership = pickMembership(memberships, options.preferredOrgId ?? user.defaultOrgId);
  const familyId = options.familyId ?? uuidv7();
  const refreshToken = randomToken();
  await sessionsRepository.insert(tx, {
    id: uuidv7(),
    familyId,
    userId: user.id,
    orgId: membership?.orgId ?? null,
    tokenHash: hashToken(refreshToken),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip,
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_DAYS * 86_400_000),
  });
  const principal = principalFor(user, membership, familyId);
  return { accessToken: await deps.tokens.issueAccess(principal), refreshToken, principal };
}
