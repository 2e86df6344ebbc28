import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { caseResponse, conversations, participants, responseSettings } from './messaging.table';

/** One asynchronous case chat: whose messages start the clock, who leads the case, and its target in hours. */
export type TimedThread = { conversation_id: string; case_id: string; client_id: string; lead_id: string; target_hours: number };
export type WaitingRow = { conversation_id: string; waiting_since: Date; due_at: Date };
export type ResponseFigures = {
  specialist_id: string | null;
  threads: number;
  answered: number;
  within_target: number;
  due: number;
  median_seconds: number | null;
  p90_seconds: number | null;
};

const threadsTable = (threads: TimedThread[]) =>
  sql`jsonb_to_recordset(${JSON.stringify(threads)}::jsonb) as t(conversation_id uuid, case_id uuid, client_id uuid, lead_id uuid, target_hours int)`;
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Response times come from message timestamps, computed here in SQL; nothing is counted on the side. */
export const responseTimesRepository = {
  async orgTarget(tx: Tx, orgId: string): Promise<number | undefined> {
    const [row] = await tx.select({ hours: responseSettings.targetHours }).from(responseSettings).where(eq(responseSettings.orgId, orgId));
    return row?.hours;
  },
  setOrgTarget: (tx: Tx, row: typeof responseSettings.$inferInsert) =>
    tx
      .insert(responseSettings)
      .values(row)
      .onConflictDoUpdate({ target: responseSettings.orgId, set: { targetHours: row.targetHours, updatedBy: row.updatedBy, updatedAt: new Date() } }),
  caseSettings: (tx: Tx, caseIds: string[]) =>
    caseIds.length ? tx.select().from(caseResponse).where(inArray(caseResponse.caseId, caseIds)) : Promise.resolve([]),
  messagingOnlyCases: (tx: Tx, orgId: string) =>
    tx
      .select({ caseId: caseResponse.caseId })
      .from(caseResponse)
      .where(and(eq(caseResponse.orgId, orgId), eq(caseResponse.messagingOnly, true))),
  setCase: (tx: Tx, row: typeof caseResponse.$inferInsert) =>
    tx
      .insert(caseResponse)
      .values(row)
      .onConflictDoUpdate({
        target: caseResponse.caseId,
        set: { messagingOnly: row.messagingOnly, targetHours: row.targetHours, updatedBy: row.updatedBy, updatedAt: new Date() },
      }),
  /** The case chats I take part in. */
  myCaseChats: (tx: Tx, userId: string) =>
    tx
      .select({ id: conversations.id, caseId: conversations.caseId })
      .from(conversations)
      .innerJoin(participants, and(eq(participants.conversationId, conversations.id), eq(participants.userId, userId)))
      .where(eq(conversations.kind, 'case')),
  /** Case ids with a chat in the org, through the timestamps-only function (org admin). */
  async orgCaseChats(tx: Tx): Promise<string[]> {
    const result = await tx.execute<{ case_id: string }>(sql`select distinct case_id from messaging.message_times()`);
    return result.rows.map((r) => r.case_id);
  },

  /** Threads where the client's oldest unanswered message is still waiting for a reply from anyone else. */
  async waiting(tx: Tx, threads: TimedThread[]): Promise<WaitingRow[]> {
    if (!threads.length) return [];
    const result = await tx.execute<{ conversation_id: string; waiting_since: string; due_at: string }>(sql`
      with t as (select * from ${threadsTable(threads)}),
      last_reply as (
        select m.conversation_id, max(m.created_at) as at
        from messaging.messages m join t on t.conversation_id = m.conversation_id
        where m.sender_user_id <> t.client_id
        group by m.conversation_id)
      select t.conversation_id, min(m.created_at) as waiting_since, min(m.created_at) + make_interval(hours => t.target_hours) as due_at
      from t
      join messaging.messages m on m.conversation_id = t.conversation_id and m.sender_user_id = t.client_id
      left join last_reply r on r.conversation_id = t.conversation_id
      where m.created_at > coalesce(r.at, '-infinity'::timestamptz)
      group by t.conversation_id, t.target_hours
      order by due_at, t.conversation_id`);
    return result.rows.map((r) => ({ conversation_id: r.conversation_id, waiting_since: new Date(r.waiting_since), due_at: new Date(r.due_at) }));
  },

  /**
   * Each time a client writes after a reply (or first), a thread starts waiting; the first message from
   * anyone else answers it. Figures per specialist who answered (the case's lead for unanswered ones),
   * and for the practice (specialist_id null). "Due" counts threads answered or already past their target.
   */
  async figures(tx: Tx, threads: TimedThread[], from: Date, to: Date): Promise<ResponseFigures[]> {
    if (!threads.length) return [];
    const result = await tx.execute<Record<string, unknown>>(sql`
      with t as (select * from ${threadsTable(threads)}),
      m as (
        select mt.conversation_id, mt.sender_user_id, mt.created_at, t.lead_id, t.target_hours,
          mt.sender_user_id = t.client_id as by_client,
          lag(mt.sender_user_id = t.client_id) over (partition by mt.conversation_id order by mt.created_at) as previous_by_client
        from messaging.message_times() mt join t on t.case_id = mt.case_id),
      episodes as (
        select s.created_at as started_at, s.target_hours, s.lead_id, r.created_at as answered_at, r.sender_user_id as responder
        from m s
        left join lateral (
          select x.created_at, x.sender_user_id from m x
          where x.conversation_id = s.conversation_id and not x.by_client and x.created_at > s.created_at
          order by x.created_at limit 1) r on true
        where s.by_client and coalesce(s.previous_by_client, false) = false
          and s.created_at >= ${from.toISOString()}::timestamptz and s.created_at < ${to.toISOString()}::timestamptz)
      select
        case when grouping(coalesce(responder, lead_id)) = 1 then null else coalesce(responder, lead_id) end as specialist_id,
        count(*) as threads,
        count(answered_at) as answered,
        count(*) filter (where answered_at <= started_at + make_interval(hours => target_hours)) as within_target,
        count(*) filter (where answered_at is not null or started_at + make_interval(hours => target_hours) < now()) as due,
        percentile_cont(0.5) within group (order by extract(epoch from answered_at - started_at)) as median_seconds,
        percentile_cont(0.9) within group (order by extract(epoch from answered_at - started_at)) as p90_seconds
      from episodes
      group by grouping sets ((coalesce(responder, lead_id)), ())`);
    return result.rows.map((r) => ({
      specialist_id: (r.specialist_id as string | null) ?? null,
      threads: Number(r.threads),
      answered: Number(r.answered),
      within_target: Number(r.within_target),
      due: Number(r.due),
      median_seconds: num(r.median_seconds),
      p90_seconds: num(r.p90_seconds),
    }));
  },
};
