import type { AuditEntry, Member, Org, OrgRole } from '@tend/contracts';
import { inArray } from 'drizzle-orm';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { QueryResultRow } from 'pg';
import { type Database, systemContext, type Tx } from '../../platform/db/database';
import type { Statement } from '../../platform/db/statements';
import { AppError } from '../../platform/http/app-error';
import { Paged } from '../../platform/http/route';
import { contextOf, type RequestMeta, userAad, users, usersRepository } from '../identity';
import { orgsRepository, type ReadVersionOf } from './orgs.repository';
import { toAuditEntry, toOrg } from './orgs.mapper';

export type OrgDeps = { db: Database; crypto: FieldCrypto };
export type OrgScope = {
  tx: Tx;
  role: OrgRole;
  actor: { userId: string; orgId: string; requestId: string; ip: string };
  /** The read version asked for (ADR 0030, 0034), read as the transaction entered the org; only when asked for. */
  readVersion?: string;
  /** The rows of each statement asked for `alongside`, in order; empty when none were. */
  alongside: QueryResultRow[][];
};

/**
 * What the transaction reads as it enters the org, in the same round trip: `readVersion`, the org's read
 * version (ADR 0030), or with `{ case }` the org's and that case's notes' (ADR 0034); `alongside`, statements
 * the work needs first, which run right after entering, under the org's settings and policies, as the caller's
 * membership. Their rows reach the work only for a member whose role passes.
 */
export type EnterOptions = { readVersion?: ReadVersionOf; alongside?: readonly Statement[] };

/**
 * The key of a page kept for its reader (ADR 0030, 0034): everything the row policies read of the reader (who,
 * which org, their role there, platform admin or not), then what the page is of. A kept page is only ever
 * served to the reader it was built for.
 */
export const readerKey = (scope: Pick<OrgScope, 'actor' | 'role'>, p: Principal, ...page: unknown[]): string =>
  JSON.stringify([scope.actor.orgId, p.userId, scope.role, p.platformAdmin, ...page]);

/** Runs `work` inside org `orgId` as the caller's membership there; anyone else gets a 404. */
export function inOrg<T>(
  deps: OrgDeps,
  p: Principal,
  orgId: string,
  meta: RequestMeta,
  roles: readonly OrgRole[] | null,
  work: (scope: OrgScope) => Promise<T>,
  options: EnterOptions = {},
): Promise<T> {
  const entering = orgsRepository.enterAsMember(orgId, p.userId, options.readVersion);
  return deps.db.inContext(
    { ...contextOf(p), orgId: null, role: null },
    async (tx, [entered = [], ...alongside]) => {
      const role = orgsRepository.enteredRole(entered);
      if (!role) throw new AppError('ORG.NOT_FOUND', 'No such organization');
      // The transaction rolls back on this error, settings and all.
      if (roles && !roles.includes(role)) throw new AppError('AUTH.FORBIDDEN', 'Your role in this organization does not allow this');
      const readVersion = options.readVersion ? orgsRepository.enteredReadVersion(entered) : undefined;
      const actor = { userId: p.userId, orgId, requestId: meta.requestId, ip: meta.ip };
      return work({ tx, role, actor, alongside, ...(readVersion ? { readVersion } : {}) });
    },
    [entering, ...(options.alongside ?? [])],
  );
}

/** Runs `work` in the org the caller's token names as active, re-checking the membership and role. */
export function inActiveOrg<T>(
  deps: OrgDeps,
  p: Principal,
  meta: RequestMeta,
  roles: readonly OrgRole[] | null,
  work: (scope: OrgScope) => Promise<T>,
  options: EnterOptions = {},
): Promise<T> {
  if (!p.orgId) return Promise.reject(new AppError('ORG.NONE_ACTIVE', 'Join or choose a practice first'));
  return inOrg(deps, p, p.orgId, meta, roles, work, options);
}

export async function userNames(tx: Tx, crypto: FieldCrypto, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return new Map();
  const rows = await tx.select({ id: users.id, name: users.nameCiphertext }).from(users).where(inArray(users.id, wanted));
  return openNames(tx, crypto, rows);
}

/** People's names already read with their rows (still sealed), opened once per person; erased ones say so. */
export async function openNames(tx: Tx, crypto: FieldCrypto, sealed: { id: string; name: Buffer | null }[]): Promise<Map<string, string>> {
  const once = new Map<string, Buffer>();
  for (const { id, name } of sealed) if (name && !once.has(id)) once.set(id, name);
  const names = await Promise.all([...once].map(async ([id, name]) => [id, (await crypto.open(tx, name, userAad(id, 'name'))) ?? '[erased]'] as const));
  return new Map(names);
}

export function createOrgsService(deps: OrgDeps) {
  const { db, crypto } = deps;
  return {
    listMine: (p: Principal): Promise<Org[]> => db.inContext(contextOf(p), async (tx) => (await orgsRepository.mine(tx, p.userId)).map((r) => toOrg(r.org))),

    create: (
      p: Principal,
      input: { name: string; timezone: string; locale: 'uk' | 'en'; currency: string; region: 'ua' | 'us' | 'eu' },
      meta: RequestMeta,
    ): Promise<Org> =>
      // Creating an org happens before any membership exists, so it runs in the system context.
      db.inContext(systemContext, async (tx) => {
        const id = uuidv7();
        await orgsRepository.insert(tx, { id, ...input, createdBy: p.userId });
        await crypto.createOrgKey(tx, id);
        await orgsRepository.addMember(tx, { id: uuidv7(), orgId: id, userId: p.userId, role: 'org_admin' });
        await usersRepository.update(tx, p.userId, { defaultOrgId: id });
        await recordAudit(
          tx,
          { userId: p.userId, orgId: id, requestId: meta.requestId, ip: meta.ip },
          { action: 'org.create', resourceType: 'org', resourceId: id, purpose: 'operations' },
        );
        return toOrg((await orgsRepository.byId(tx, id)) as NonNullable<Awaited<ReturnType<typeof orgsRepository.byId>>>);
      }),

    get: (p: Principal, orgId: string, meta: RequestMeta): Promise<Org> =>
      inOrg(deps, p, orgId, meta, null, async ({ tx }) => toOrg((await orgsRepository.byId(tx, orgId)) as never)),

    update: (
      p: Principal,
      orgId: string,
      patch: {
        name?: string | undefined;
        timezone?: string | undefined;
        require_specialist_mfa?: boolean | undefined;
        require_note_cosign?: boolean | undefined;
        late_cancellation_hours?: number | undefined;
      },
      meta: RequestMeta,
    ): Promise<Org> =>
      inOrg(deps, p, orgId, meta, ['org_admin'], async ({ tx, actor }) => {
        await orgsRepository.update(tx, orgId, {
          ...(patch.name !== undefined ? { name: patch.name } : {}),
          ...(patch.timezone !== undefined ? { timezone: patch.timezone } : {}),
          ...(patch.require_specialist_mfa !== undefined ? { requireSpecialistMfa: patch.require_specialist_mfa } : {}),
          ...(patch.require_note_cosign !== undefined ? { requireNoteCosign: patch.require_note_cosign } : {}),
          ...(patch.late_cancellation_hours !== undefined ? { lateCancellationHours: patch.late_cancellation_hours } : {}),
        });
        await recordAudit(tx, actor, {
          action: 'org.update',
          resourceType: 'org',
          resourceId: orgId,
          details: {
            fields: Object.keys(patch),
            ...(patch.late_cancellation_hours !== undefined ? { late_cancellation_hours: patch.late_cancellation_hours } : {}),
          },
        });
        return toOrg((await orgsRepository.byId(tx, orgId)) as never);
      }),

    // Specialists pick the client of a new case and the colleague a case is handed to or shared with.
    members: (p: Principal, orgId: string, meta: RequestMeta): Promise<Member[]> =>
      inOrg(deps, p, orgId, meta, ['org_admin', 'supervisor', 'specialist', 'co_specialist'], async ({ tx, actor }) => {
        const rows = await orgsRepository.members(tx, orgId);
        await recordAudit(tx, actor, { action: 'org.members_list', resourceType: 'org', resourceId: orgId, details: { count: rows.length } });
        return Promise.all(
          rows.map(async ({ membership, user }) => ({
            user_id: user.id,
            name: (await crypto.open(tx, user.nameCiphertext, userAad(user.id, 'name'))) ?? '[erased]',
            email: (await crypto.open(tx, user.emailCiphertext, userAad(user.id, 'email'))) ?? '[erased]',
            role: membership.role,
            mfa_enabled: user.totpEnabledAt !== null,
            joined_at: membership.createdAt.toISOString(),
          })),
        );
      }),

    changeRole: (p: Principal, orgId: string, userId: string, role: OrgRole, meta: RequestMeta) =>
      inOrg(deps, p, orgId, meta, ['org_admin'], async ({ tx, actor }) => {
        const current = await orgsRepository.roleOf(tx, orgId, userId);
        if (!current) throw new AppError('ORG.MEMBER_NOT_FOUND', 'That person is not a member of this organization');
        if (current === 'org_admin' && role !== 'org_admin' && (await orgsRepository.adminCount(tx, orgId)) <= 1) {
          throw new AppError('ORG.LAST_ADMIN', 'An organization needs at least one admin; make someone else admin first');
        }
        await orgsRepository.setRole(tx, orgId, userId, role);
        await recordAudit(tx, actor, {
          action: 'org.member_role_change',
          resourceType: 'membership',
          resourceId: userId,
          subjectUserId: userId,
          details: { from: current, to: role },
        });
      }),

    removeMember: (p: Principal, orgId: string, userId: string, meta: RequestMeta) =>
      inOrg(deps, p, orgId, meta, ['org_admin'], async ({ tx, actor }) => {
        const current = await orgsRepository.roleOf(tx, orgId, userId);
        if (!current) throw new AppError('ORG.MEMBER_NOT_FOUND', 'That person is not a member of this organization');
        if (current === 'org_admin' && (await orgsRepository.adminCount(tx, orgId)) <= 1) {
          throw new AppError('ORG.LAST_ADMIN', 'An organization needs at least one admin; make someone else admin first');
        }
        await orgsRepository.removeMember(tx, orgId, userId);
        await recordAudit(tx, actor, {
          action: 'org.member_remove',
          resourceType: 'membership',
          resourceId: userId,
          subjectUserId: userId,
          details: { role: current },
        });
      }),

    audit: (p: Principal, orgId: string, page: number, perPage: number, meta: RequestMeta): Promise<Paged<AuditEntry>> =>
      inOrg(deps, p, orgId, meta, ['org_admin'], async ({ tx, actor }) => {
        const [rows, total] = await orgsRepository.auditPage(tx, orgId, perPage, (page - 1) * perPage);
        await recordAudit(tx, actor, { action: 'audit.read', resourceType: 'audit_log', resourceId: orgId, purpose: 'compliance' });
        const names = await userNames(
          tx,
          crypto,
          rows.map((r) => r.actorUserId),
        );
        return new Paged(
          rows.map((r) => toAuditEntry(r, r.actorUserId ? (names.get(r.actorUserId) ?? null) : null)),
          page,
          perPage,
          total,
        );
      }),
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
