import type { AuthSession, Me } from '@tend/contracts';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import type { SessionRow } from './sessions.repository';
import type { MembershipRow, UserRow } from './users.repository';

export const userAad = (userId: string, field: 'email' | 'name' | 'phone' | 'totp') => `identity.users.${field}:${userId}`;

export async function toMe(tx: Tx, crypto: FieldCrypto, user: UserRow, memberships: MembershipRow[], principal: Principal): Promise<Me> {
  return {
    id: user.id,
    email: (await crypto.open(tx, user.emailCiphertext, userAad(user.id, 'email'))) ?? '',
    name: (await crypto.open(tx, user.nameCiphertext, userAad(user.id, 'name'))) ?? '',
    phone: user.phoneCiphertext ? await crypto.open(tx, user.phoneCiphertext, userAad(user.id, 'phone')) : null,
    locale: user.locale,
    platform_admin: user.platformAdmin,
    mfa_enabled: user.totpEnabledAt !== null,
    active_org_id: principal.orgId,
    active_role: principal.role,
    memberships: memberships.map((m) => ({ org_id: m.orgId, org_name: m.orgName, role: m.role })),
    mfa_enrolment_required: principal.mfaEnrolmentRequired,
  };
}

export const toAuthSession = (row: SessionRow, currentFamilyId: string | null): AuthSession => ({
  id: row.familyId,
  created_at: row.createdAt.toISOString(),
  last_used_at: row.lastUsedAt.toISOString(),
  user_agent: row.userAgent,
  ip: row.ip,
  current: row.familyId === currentFamilyId,
});
