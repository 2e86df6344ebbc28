import type { OrgRole } from '@tend/contracts';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { auditLog, auditLogPage } from '../../platform/audit';
import type { Opening, Tx } from '../../platform/db/database';
import { invitations, memberships, orgs, users } from '../identity';

/** Checks the membership and sets the transaction's org and role from it, in one statement (`also`: more columns). */
const enterStatement = (also: string) => `select m.role, set_config('app.org_id', m.org_id::text, true), set_config('app.role', m.role::text, true)${also}
             from identity.memberships m where m.org_id = $1 and m.user_id = $2 and m.removed_at is null`;
const ENTER_AS_MEMBER = enterStatement('');
const ENTER_READING_VERSION = enterStatement(', app.read_version(m.org_id) as read_version');
const ENTER_READING_CASE_VERSION = enterStatement(', app.read_version(m.org_id, $3::uuid) as read_version');

/** Which read version (ADR 0030, 0034) entering reads: none, the org's, or the org's with a case's notes. */
export type ReadVersionOf = boolean | { case: string };

export const orgsRepository = {
  async byId(tx: Tx, id: string) {
    const [row] = await tx.select().from(orgs).where(eq(orgs.id, id));
    return row;
  },
  insert: (tx: Tx, row: typeof orgs.$inferInsert) => tx.insert(orgs).values(row),
  update: (tx: Tx, id: string, patch: Partial<typeof orgs.$inferInsert>) => tx.update(orgs).set(patch).where(eq(orgs.id, id)),
  mine: (tx: Tx, userId: string) =>
    tx
      .select({ org: orgs })
      .from(orgs)
      .innerJoin(memberships, and(eq(memberships.orgId, orgs.id), eq(memberships.userId, userId), isNull(memberships.removedAt)))
      .orderBy(orgs.createdAt),
  /**
   * Enters org `orgId` as `userId`'s membership there, as a transaction's opening statement: reads the
   * role and sets app.org_id / app.role for the rest of the transaction. No row (and nothing set) for a
   * non-member. The policies of this statement read the settings as they were before it.
   */
  enterAsMember: (orgId: string, userId: string, readVersion: ReadVersionOf = false): Opening =>
    typeof readVersion === 'object'
      ? { text: ENTER_READING_CASE_VERSION, values: [orgId, userId, readVersion.case] }
      : { text: readVersion ? ENTER_READING_VERSION : ENTER_AS_MEMBER, values: [orgId, userId] },
  /** The role the opening above found; undefined for a non-member. */
  enteredRole: (entered: { role?: unknown }[]): OrgRole | undefined => entered[0]?.role as OrgRole | undefined,
  /** The read version (ADR 0030, 0034) the opening read when asked to; undefined otherwise. */
  enteredReadVersion: (entered: { read_version?: unknown }[]): string | undefined => (entered[0]?.read_version as string | null) ?? undefined,
  /** The caller's active role in an org, or undefined; RLS lets a user read their own memberships. */
  async roleOf(tx: Tx, orgId: string, userId: string) {
    const [row] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isNull(memberships.removedAt)));
    return row?.role;
  },
  members: (tx: Tx, orgId: string) =>
    tx
      .select({ membership: memberships, user: users })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.orgId, orgId), isNull(memberships.removedAt)))
      .orderBy(memberships.createdAt),
  addMember: (tx: Tx, row: typeof memberships.$inferInsert) => tx.insert(memberships).values(row),
  setRole: (tx: Tx, orgId: string, userId: string, role: typeof memberships.$inferSelect.role) =>
    tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isNull(memberships.removedAt)))
      .returning({ id: memberships.id }),
  removeMember: (tx: Tx, orgId: string, userId: string) =>
    tx
      .update(memberships)
      .set({ removedAt: new Date() })
      .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId), isNull(memberships.removedAt)))
      .returning({ id: memberships.id }),
  async adminCount(tx: Tx, orgId: string) {
    const [row] = await tx
      .select({ n: count() })
      .from(memberships)
      .where(and(eq(memberships.orgId, orgId), eq(memberships.role, 'org_admin'), isNull(memberships.removedAt)));
    return row?.n ?? 0;
  },
  invitations: (tx: Tx, orgId: string) => tx.select().from(invitations).where(eq(invitations.orgId, orgId)).orderBy(desc(invitations.createdAt)),
  insertInvitation: (tx: Tx, row: typeof invitations.$inferInsert) => tx.insert(invitations).values(row),
  async invitationById(tx: Tx, orgId: string, id: string) {
    const [row] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.orgId, orgId), eq(invitations.id, id)));
    return row;
  },
  async invitationByToken(tx: Tx, tokenHash: Buffer) {
    const [row] = await tx.select().from(invitations).where(eq(invitations.tokenHash, tokenHash)).for('update');
    return row;
  },
  updateInvitation: (tx: Tx, id: string, patch: Partial<typeof invitations.$inferInsert>) => tx.update(invitations).set(patch).where(eq(invitations.id, id)),
  auditPage: (tx: Tx, orgId: string, limit: number, offset: number) => auditLogPage(tx, eq(auditLog.orgId, orgId), limit, offset),
};
