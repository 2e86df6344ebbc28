import { canTransition, type CaseDto, type CaseEvent, type CaseListQuery, type CaseSummary, type Insurance, type RiskLevel } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { QueryResultRow } from 'pg';
import type { Database, Tx } from '../../platform/db/database';
import { VersionedCache } from '../../platform/db/read-versions';
import { AppError } from '../../platform/http/app-error';
import { Paged } from '../../platform/http/route';
import type { RequestMeta } from '../identity';
import { inActiveOrg, openNames, type OrgScope, orgsRepository, readerKey, userNames } from '../orgs';
import { caseAad, eventAad, toCase, toCaseEvent, toCaseSummary } from './cases.mapper';
import { accessFrom, accessTo, type CaseAction, type CaseAccessKind, ensureAllowed } from './cases.policy';
import { type CaseFilters, caseloadPage, caseWithNames, caseWithNamesStatement, namedCaseFrom } from './caseload.query';
import { type CaseRow, casesRepository } from './cases.repository';

/** `caseloadCachePages`: caseload pages kept while their read version holds (ADR 0030); 0 or unset keeps none. */
export type CasesDeps = { db: Database; crypto: FieldCrypto; caseloadCachePages?: number };
type Actor = OrgScope['actor'];
type Loaded = { row: CaseRow; access: CaseAccessKind };

/** How long a kept caseload page may be served at most, even while nothing it shows has changed. */
const CASELOAD_CACHE_TTL_MS = 5 * 60_000;

export function createCasesService(deps: CasesDeps) {
  const { crypto } = deps;
  const caseloads = new VersionedCache<Paged<CaseSummary>>(deps.caseloadCachePages ?? 0, CASELOAD_CACHE_TTL_MS);

  async function load(scope: OrgScope, caseId: string, action: CaseAction, lock = false): Promise<Loaded> {
    const seen = await casesRepository.byId(scope.tx, caseId);
    if (!seen) throw new AppError('CASE.NOT_FOUND', 'No such case');
    const access = await accessTo(scope.tx, seen, scope.actor.userId, scope.role);
    ensureAllowed(access, action);
    // Only now lock it: row locks need the update policy, which only the care team passes.
    const row = lock ? await casesRepository.forUpdate(scope.tx, caseId) : seen;
    if (!row) throw new AppError('CASE.NOT_FOUND', 'No such case');
    return { row, access };
  }

  /**
   * Loads a case to show it: the row, the reader's access and both names, in one round trip; none when `fetched`
   * holds the rows of `cases.reading(caseId, reader)` sent alongside entering the org.
   */
  async function read(scope: OrgScope, caseId: string, action: CaseAction, fetched?: QueryResultRow[]): Promise<Loaded & { names: Map<string, string> }> {
    const found = fetched ? namedCaseFrom(fetched) : await caseWithNames(scope.tx, caseId, scope.actor.userId);
    if (!found) throw new AppError('CASE.NOT_FOUND', 'No such case');
    const access = accessFrom(found.row, scope.actor.userId, scope.role, found.myGrant);
    ensureAllowed(access, action);
    const names = await openNames(scope.tx, crypto, [
      { id: found.row.clientUserId, name: found.clientName },
      { id: found.row.specialistUserId, name: found.specialistName },
    ]);
    return { row: found.row, access, names };
  }

  async function present(tx: Tx, row: CaseRow, access: CaseAccessKind, known?: Map<string, string>): Promise<CaseDto> {
    const names = known ?? (await userNames(tx, crypto, [row.clientUserId, row.specialistUserId]));
    return toCase(tx, crypto, row, names, access);
  }

  async function event(tx: Tx, actor: Actor, row: CaseRow, kind: CaseEvent['kind'], data: Record<string, string | null>, note?: string): Promise<void> {
    const id = uuidv7();
    const noteCiphertext = note ? await crypto.sealForOrg(tx, row.orgId, note, eventAad(id)) : null;
    await casesRepository.addEvent(tx, { id, orgId: row.orgId, caseId: row.id, kind, actorUserId: actor.userId, data, noteCiphertext });
  }

  const audit = (tx: Tx, actor: Actor, row: CaseRow, action: string, details?: Record<string, unknown>) =>
    recordAudit(tx, actor, {
      action,
      resourceType: 'case',
      resourceId: row.id,
      subjectUserId: row.clientUserId,
      purpose: 'treatment',
      ...(details ? { details } : {}),
    });

  async function sealInsurance(tx: Tx, orgId: string, caseId: string, value: Insurance | null | undefined): Promise<Buffer | null> {
    return value ? crypto.sealForOrg(tx, orgId, JSON.stringify(value), caseAad(caseId, 'insurance')) : null;
  }

  async function ensureRole(
    tx: Tx,
    orgId: string,
    userId: string,
    roles: readonly string[],
    code: 'CASE.NOT_A_CLIENT' | 'CASE.NOT_A_SPECIALIST',
    message: string,
  ): Promise<void> {
    const role = await orgsRepository.roleOf(tx, orgId, userId);
    if (!role || !roles.includes(role)) throw new AppError(code, message);
  }

  async function buildCaseload(
    tx: Tx,
    p: Principal,
    role: OrgScope['role'],
    orgId: string,
    filters: CaseFilters,
    query: CaseListQuery,
  ): Promise<Paged<CaseSummary>> {
    const [lines, total] = await caseloadPage(tx, {
      orgId,
      readerId: p.userId,
      filters,
      sort: query.sort,
      limit: query.per_page,
      offset: (query.page - 1) * query.per_page,
    });
    const names = await openNames(
      tx,
      crypto,
      lines.flatMap((line) => [
        { id: line.clientUserId, name: line.clientName },
        { id: line.specialistUserId, name: line.specialistName },
      ]),
    );
    const items = await Promise.all(lines.map((line) => toCaseSummary(tx, crypto, line, names, accessFrom(line, p.userId, role, line.myGrant))));
    return new Paged(items, query.page, query.per_page, total);
  }

  return {
    create: (
      p: Principal,
      input: {
        client_user_id: string;
        specialist_user_id?: string | undefined;
        title: string;
        jurisdiction: string;
        risk_level?: RiskLevel | undefined;
        insurance?: Insurance | null | undefined;
      },
      meta: RequestMeta,
    ): Promise<CaseDto> =>
      inActiveOrg(deps, p, meta, ['specialist', 'org_admin'], async ({ tx, role, actor }) => {
        const specialistId = input.specialist_user_id ?? p.userId;
        if (role === 'specialist' && specialistId !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'A specialist opens cases for their own caseload');
        await ensureRole(tx, actor.orgId, input.client_user_id, ['client'], 'CASE.NOT_A_CLIENT', 'That person is not a client of this practice');
        await ensureRole(tx, actor.orgId, specialistId, ['specialist'], 'CASE.NOT_A_SPECIALIST', 'That person is not a specialist of this practice');
        const id = uuidv7();
        await casesRepository.insert(tx, {
          id,
          orgId: actor.orgId,
          clientUserId: input.client_user_id,
          specialistUserId: specialistId,
          jurisdiction: input.jurisdiction,
          riskLevel: input.risk_level ?? 'low',
          titleCiphertext: await crypto.sealForOrg(tx, actor.orgId, input.title, caseAad(id, 'title')),
          insuranceCiphertext: await sealInsurance(tx, actor.orgId, id, input.insurance),
          createdBy: p.userId,
        });
        const row = (await casesRepository.byId(tx, id)) as CaseRow;
        await event(tx, actor, row, 'created', { specialist_id: specialistId, risk_level: row.riskLevel });
        await audit(tx, actor, row, 'case.create');
        return present(tx, row, await accessTo(tx, row, p.userId, role));
      }),

    get: (p: Principal, caseId: string, meta: RequestMeta): Promise<CaseDto> =>
      inActiveOrg(
        deps,
        p,
        meta,
        null,
        async (scope) => {
          const { row, access, names } = await read(scope, caseId, 'read', scope.alongside[0]);
          const dto = await present(scope.tx, row, access, names);
          await audit(scope.tx, scope.actor, row, 'case.read');
          return dto;
        },
        { alongside: [caseWithNamesStatement(caseId, p.userId)] },
      ),

    list: (p: Principal, query: CaseListQuery, meta: RequestMeta): Promise<Paged<CaseSummary>> => {
      // A page is kept for its reader, role and query while the org's read version holds (ADR 0030); the version
      // is read as the transaction enters the org. Last-session filters move with the clock: always built anew.
      const keeping = caseloads.enabled && !query.last_session;
      return inActiveOrg(
        deps,
        p,
        meta,
        null,
        async (scope) => {
          const { tx, role, actor, readVersion } = scope;
          if (role === 'eap_manager') throw new AppError('AUTH.FORBIDDEN', 'EAP managers see aggregate reports, not cases');
          const filters = {
            status: query.status,
            risk: query.risk,
            specialistId: query.specialist_id,
            clientId: query.client_id,
            lastSession: query.last_session,
          };
          const key = caseloadKey(scope, p, query);
          const kept = readVersion ? caseloads.get(key, readVersion) : undefined;
          const page = kept ?? (await buildCaseload(tx, p, role, actor.orgId, filters, query));
          if (!kept && readVersion) caseloads.set(key, readVersion, page);
          await recordAudit(tx, actor, {
            action: 'case.list',
            resourceType: 'case',
            purpose: 'treatment',
            details: { count: page.items.length, filters: { ...filters, sort: query.sort } },
          });
          return page;
        },
        { readVersion: keeping },
      );
    },

    update: (
      p: Principal,
      caseId: string,
      patch: { title?: string | undefined; jurisdiction?: string | undefined; insurance?: Insurance | null | undefined },
      meta: RequestMeta,
    ): Promise<CaseDto> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { tx, actor } = scope;
        const { row, access } = await load(scope, caseId, 'edit', true);
        if (row.status === 'archived') throw new AppError('CASE.NOT_EDITABLE', 'An archived case cannot be changed');
        await casesRepository.update(tx, row.id, {
          ...(patch.title !== undefined ? { titleCiphertext: await crypto.sealForOrg(tx, row.orgId, patch.title, caseAad(row.id, 'title')) } : {}),
          ...(patch.jurisdiction !== undefined ? { jurisdiction: patch.jurisdiction } : {}),
          ...(patch.insurance !== undefined ? { insuranceCiphertext: await sealInsurance(tx, row.orgId, row.id, patch.insurance) } : {}),
        });
        const fields = Object.keys(patch).sort().join(',');
        await event(tx, actor, row, 'updated', { fields });
        await audit(tx, actor, row, 'case.update', { fields });
        return present(tx, (await casesRepository.byId(tx, row.id)) as CaseRow, access);
      }),

    changeStatus: (p: Principal, caseId: string, to: CaseRow['status'], reason: string | undefined, meta: RequestMeta): Promise<CaseDto> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { tx, actor } = scope;
        const { row, access } = await load(scope, caseId, 'change_status', true);
        if (!canTransition(row.status, to)) {
          throw new AppError('CASE.INVALID_TRANSITION', `A ${row.status} case cannot become ${to}`, { from: row.status, to });
        }
        const now = new Date();
        await casesRepository.update(tx, row.id, {
          status: to,
          ...(to === 'active' && !row.openedAt ? { openedAt: now } : {}),
          ...(to === 'closed' || to === 'transferred' ? { closedAt: now } : {}),
        });
        await event(tx, actor, row, 'status_changed', { from: row.status, to }, reason);
        await audit(tx, actor, row, 'case.status_change', { from: row.status, to });
        return present(tx, (await casesRepository.byId(tx, row.id)) as CaseRow, access);
      }),

    changeRisk: (p: Principal, caseId: string, level: RiskLevel, note: string | undefined, meta: RequestMeta): Promise<CaseDto> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { tx, actor } = scope;
        const { row, access } = await load(scope, caseId, 'set_risk', true);
        await casesRepository.update(tx, row.id, { riskLevel: level });
        await event(tx, actor, row, 'risk_changed', { from: row.riskLevel, to: level }, note);
        await audit(tx, actor, row, 'case.risk_change', { from: row.riskLevel, to: level });
        return present(tx, (await casesRepository.byId(tx, row.id)) as CaseRow, access);
      }),

    /** Status changes, risk levels, transfers and access grants, newest first. */
    history: (p: Principal, caseId: string, kind: CaseEvent['kind'] | undefined, meta: RequestMeta): Promise<CaseEvent[]> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { row } = await load(scope, caseId, 'read_history');
        const rows = await casesRepository.events(scope.tx, row.id, kind);
        const names = await userNames(
          scope.tx,
          crypto,
          rows.map((r) => r.actorUserId),
        );
        const items = await Promise.all(rows.map((r) => toCaseEvent(scope.tx, crypto, r, names)));
        await audit(scope.tx, scope.actor, row, 'case.history_read', kind ? { kind } : undefined);
        return items;
      }),

    load,
    read,
    /** The statement behind `read`, to send alongside entering the org (`EnterOptions`); `read` takes its rows. */
    reading: caseWithNamesStatement,
    event,
    audit,
    present,
    ensureRole,
  };
}

export type CasesService = ReturnType<typeof createCasesService>;

/**
 * Whose page of which query: everything the row-level policies read of the reader (who, which org, their role
 * there, platform admin or not) and the whole query. The same key only ever serves the same reader.
 */
function caseloadKey(scope: OrgScope, p: Principal, query: CaseListQuery): string {
  const { status, risk, specialist_id, client_id, sort, page, per_page } = query;
  return readerKey(scope, p, status ?? null, risk ?? null, specialist_id ?? null, client_id ?? null, sort, page, per_page);
}
