import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { casePeople, type CasesService } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, userNames } from '../orgs';
import { messagingSessionPairs } from '../scheduling';
import { responseTimesRepository as repo, type TimedThread } from './response-times.repository';

/** The period the practice's figures cover when the caller names none. */
const DEFAULT_PERIOD_DAYS = 30;

export type ResponseTimesDeps = { db: Database; crypto: FieldCrypto; cases: CasesService };

/** Hours a client of asynchronous therapy waits at most for a reply unless the practice or the case says otherwise (ADR). */
export const DEFAULT_RESPONSE_TARGET_HOURS = 24;
const STAFF = ['specialist', 'co_specialist', 'supervisor', 'org_admin'] as const;
const OPEN = new Set(['draft', 'active', 'paused']);

/**
 * Asynchronous therapy: a case whose client books messaging sessions with its specialist, or that the care
 * team marks messaging-only, has a response-time target. A thread waits from the client's first unanswered
 * message until someone on the care team replies.
 */
export function createResponseTimesService(deps: ResponseTimesDeps) {
  /** The asynchronous cases among these, with the conversation of each, its people and its target. */
  async function timedThreads(scope: OrgScope, chats: { id: string; caseId: string }[], onlyOpen: boolean): Promise<TimedThread[]> {
    const { tx } = scope;
    const orgId = scope.actor.orgId;
    const caseIds = chats.map((c) => c.caseId);
    const [people, settings, pairs, orgTarget] = [
      await casePeople(tx, caseIds),
      await repo.caseSettings(tx, caseIds),
      await messagingSessionPairs(tx, orgId),
      await repo.orgTarget(tx, orgId),
    ];
    const bySession = new Set(pairs.map((p) => `${p.clientUserId}:${p.specialistUserId}`));
    const setting = new Map(settings.map((s) => [s.caseId, s]));
    const threads: TimedThread[] = [];
    for (const chat of chats) {
      const row = people.find((c) => c.id === chat.caseId);
      if (!row || (onlyOpen && !OPEN.has(row.status))) continue;
      const own = setting.get(row.id);
      if (!own?.messagingOnly && !bySession.has(`${row.clientUserId}:${row.specialistUserId}`)) continue;
      threads.push({
        conversation_id: chat.id,
        case_id: row.id,
        client_id: row.clientUserId,
        lead_id: row.specialistUserId,
        target_hours: own?.targetHours ?? orgTarget ?? DEFAULT_RESPONSE_TARGET_HOURS,
      });
    }
    return threads;
  }

  return {
    /** My waiting threads, the one due soonest (overdue first) at the top. */
    waiting: (p: Principal, meta: RequestMeta, now = new Date()) =>
      inActiveOrg(deps, p, meta, STAFF, async (scope) => {
        const chats = (await repo.myCaseChats(scope.tx, p.userId)).flatMap((c) => (c.caseId ? [{ id: c.id, caseId: c.caseId }] : []));
        const threads = await timedThreads(scope, chats, true);
        const rows = await repo.waiting(scope.tx, threads);
        const names = await userNames(
          scope.tx,
          deps.crypto,
          threads.map((t) => t.client_id),
        );
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.waiting_list',
          resourceType: 'conversation',
          purpose: 'treatment',
          details: { count: rows.length },
        });
        return rows.map((r) => {
          const thread = threads.find((t) => t.conversation_id === r.conversation_id) as TimedThread;
          return {
            conversation_id: r.conversation_id,
            case_id: thread.case_id,
            client: { id: thread.client_id, name: names.get(thread.client_id) ?? '[unavailable]' },
            target_hours: thread.target_hours,
            waiting_since: r.waiting_since.toISOString(),
            due_at: r.due_at.toISOString(),
            overdue: r.due_at.getTime() <= now.getTime(),
          };
        });
      }),

    /**
     * The practice's first-response times over [from, to) — by default the 30 days up to now: median, p90 and
     * share within target, per specialist and overall.
     */
    figures: (p: Principal, period: { from?: string | undefined; to?: string | undefined }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['org_admin'], async (scope) => {
        const to = period.to ? new Date(period.to) : new Date();
        const from = period.from ? new Date(period.from) : new Date(to.getTime() - DEFAULT_PERIOD_DAYS * 86_400_000);
        if (to <= from) throw new AppError('REQUEST.VALIDATION', 'The period must end after it starts', [{ path: 'to', message: 'After from' }]);
        const caseIds = await repo.orgCaseChats(scope.tx);
        const threads = await timedThreads(
          scope,
          caseIds.map((caseId) => ({ id: caseId, caseId })),
          false,
        );
        const rows = await repo.figures(scope.tx, threads, from, to);
        const names = await userNames(
          scope.tx,
          deps.crypto,
          rows.map((r) => r.specialist_id),
        );
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.response_times',
          resourceType: 'org',
          resourceId: scope.actor.orgId,
          purpose: 'operations',
          details: { from: from.toISOString(), to: to.toISOString() },
        });
        const present = (r: (typeof rows)[number]) => ({
          threads: r.threads,
          answered: r.answered,
          median_first_response_seconds: r.median_seconds,
          p90_first_response_seconds: r.p90_seconds,
          within_target_share: r.due ? r.within_target / r.due : null,
        });
        const overall = rows.find((r) => r.specialist_id === null);
        return {
          from: from.toISOString(),
          to: to.toISOString(),
          target_hours: (await repo.orgTarget(scope.tx, scope.actor.orgId)) ?? DEFAULT_RESPONSE_TARGET_HOURS,
          overall: overall
            ? present(overall)
            : { threads: 0, answered: 0, median_first_response_seconds: null, p90_first_response_seconds: null, within_target_share: null },
          specialists: rows
            .filter((r) => r.specialist_id !== null)
            .map((r) => ({ specialist: { id: r.specialist_id as string, name: names.get(r.specialist_id as string) ?? '[unavailable]' }, ...present(r) })),
        };
      }),

    orgTarget: (p: Principal, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, STAFF, async (scope) => ({
        target_hours: (await repo.orgTarget(scope.tx, scope.actor.orgId)) ?? DEFAULT_RESPONSE_TARGET_HOURS,
      })),

    setOrgTarget: (p: Principal, hours: number, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['org_admin'], async (scope) => {
        await repo.setOrgTarget(scope.tx, { orgId: scope.actor.orgId, targetHours: hours, updatedBy: p.userId });
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.response_target',
          resourceType: 'org',
          resourceId: scope.actor.orgId,
          details: { hours },
        });
        return { target_hours: hours };
      }),

    /** Whether a case is asynchronous (marked, or booked as messaging sessions) and its target beside the practice's. */
    caseSettings: (p: Principal, caseId: string, meta: RequestMeta) =>
      // The case's own access rules answer (a case out of sight is 404 to anyone, the client 403).
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { row } = await deps.cases.load(scope, caseId, 'edit');
        const [own] = await repo.caseSettings(scope.tx, [row.id]);
        const orgTarget = (await repo.orgTarget(scope.tx, scope.actor.orgId)) ?? DEFAULT_RESPONSE_TARGET_HOURS;
        const pairs = await messagingSessionPairs(scope.tx, scope.actor.orgId);
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.case_response_target.read',
          resourceType: 'case',
          resourceId: row.id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
        });
        return {
          case_id: row.id,
          messaging_only: own?.messagingOnly ?? false,
          target_hours: own?.targetHours ?? null,
          org_target_hours: orgTarget,
          effective_target_hours: own?.targetHours ?? orgTarget,
          booked_messaging_sessions: pairs.some((x) => x.clientUserId === row.clientUserId && x.specialistUserId === row.specialistUserId),
        };
      }),

    /** A case marked messaging-only, and its own target (null: the practice's). */
    setCase: (p: Principal, caseId: string, input: { messaging_only: boolean; target_hours: number | null }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, STAFF, async (scope) => {
        const { row } = await deps.cases.load(scope, caseId, 'edit');
        await repo.setCase(scope.tx, {
          caseId: row.id,
          orgId: row.orgId,
          messagingOnly: input.messaging_only,
          targetHours: input.target_hours,
          updatedBy: p.userId,
        });
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.case_response_target',
          resourceType: 'case',
          resourceId: row.id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
          details: input,
        });
        const orgTarget = (await repo.orgTarget(scope.tx, scope.actor.orgId)) ?? DEFAULT_RESPONSE_TARGET_HOURS;
        return {
          case_id: row.id,
          messaging_only: input.messaging_only,
          target_hours: input.target_hours,
          effective_target_hours: input.target_hours ?? orgTarget,
        };
      }),
  };
}

export type ResponseTimesService = ReturnType<typeof createResponseTimesService>;
