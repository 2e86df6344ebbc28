import type { LastSessionFilter } from '@tend/contracts';
import type { QueryResultRow } from 'pg';
import type { Tx } from '../../platform/db/database';
import { type Statement, statementName } from '../../platform/db/statements';
import { countUpToSql, type PageTotal, totalFromCount, totalFromPage } from '../../platform/db/page-total';
import { isoTimestamps } from '../../platform/db/timestamp-text';
import type { CaseAccessRow, CaseRow } from './cases.repository';

export type CaseFilters = {
  status?: CaseRow['status'] | undefined;
  risk?: CaseRow['riskLevel'] | undefined;
  specialistId?: string | undefined;
  clientId?: string | undefined;
  lastSession?: LastSessionFilter | undefined;
};
export type CaseSort = 'updated' | 'risk' | 'last_session';

/** One case with both names (still sealed) and the reader's own grant: what a case page opens with. */
export type NamedCase = {
  row: CaseRow;
  clientName: Buffer | null;
  specialistName: Buffer | null;
  myGrant: CaseAccessRow['role'] | null;
};

/** A caseload line as read: a summary's columns (timestamps already as ISO text), both names still sealed, the reader's grant. */
export type CaseloadLine = Pick<CaseRow, 'id' | 'clientUserId' | 'specialistUserId' | 'status' | 'riskLevel' | 'jurisdiction' | 'titleCiphertext'> & {
  lastSessionAt: string | null;
  updatedAt: string;
  clientName: Buffer | null;
  specialistName: Buffer | null;
  myGrant: CaseAccessRow['role'] | null;
};

type SqlNames = { client_name: Buffer | null; specialist_name: Buffer | null; my_grant: CaseAccessRow['role'] | null };

/** The columns a line and a case share, as node-postgres returns them. */
type SqlCore = SqlNames & {
  id: string;
  client_user_id: string;
  specialist_user_id: string;
  status: CaseRow['status'];
  risk_level: CaseRow['riskLevel'];
  jurisdiction: string;
  title_ciphertext: Buffer;
};

type SqlCase = SqlCore & {
  org_id: string;
  insurance_ciphertext: Buffer | null;
  opened_at: Date | null;
  closed_at: Date | null;
  last_session_at: Date | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
};

type SqlLine = SqlCore & { last_session_at: string | null; updated_at: string; counted: number | null };

/** What a line shows (and the sort keys): a list reads these and no more (ADR 0029). */
const LINE_COLUMNS =
  'c.id, c.client_user_id, c.specialist_user_id, c.status, c.risk_level, c.jurisdiction, c.title_ciphertext, c.last_session_at, c.updated_at';

/** Fixed conditions, so they add no parameters; 30 days is when an active case pauses by itself. */
const LAST_SESSION: Record<LastSessionFilter, string> = {
  past_week: `c.last_session_at >= now() - interval '7 days'`,
  past_month: `c.last_session_at >= now() - interval '30 days'`,
  over_a_month: `c.last_session_at < now() - interval '30 days'`,
  never: 'c.last_session_at is null',
};

const ORDER: Record<CaseSort, string> = {
  updated: 'c.updated_at desc',
  risk: `array_position(array['crisis','high','moderate','low']::text[], c.risk_level), c.updated_at desc`,
  last_session: 'c.last_session_at desc nulls last, c.updated_at desc',
};

/** The reader's ($1) own active grant on case `c`. */
const MY_GRANT = `(select a.role from case_mgmt.case_access a where a.case_id = c.id and a.user_id = $1 and a.revoked_at is null) as my_grant`;
/** Both names of a case `c` (joined as below) and the reader's own grant on it. */
const NAMES = `cu.name_ciphertext as client_name, su.name_ciphertext as specialist_name, ${MY_GRANT}`;
const NAMES_JOIN = `left join identity.users cu on cu.id = c.client_user_id left join identity.users su on su.id = c.specialist_user_id`;

/** A query config for node-postgres (unnamed: `withNamedStatements` names it by its text). */
type Query = { text: string; values: unknown[] };

/**
 * One case with both names, read in one scan of the users: PostgreSQL sets up the users' read policies once per
 * scan (three subqueries, each with its own table's policies), which costs more than the case itself. Two joins
 * cost twice that: 157-171 µs against 92 µs a statement (docs/performance.md, sixth run).
 */
const CASE_WITH_NAMES = `select c.*, n.client_name, n.specialist_name, ${MY_GRANT}
  from case_mgmt.cases c
  left join lateral (
    select (array_agg(u.name_ciphertext) filter (where u.id = c.client_user_id))[1] as client_name,
      (array_agg(u.name_ciphertext) filter (where u.id = c.specialist_user_id))[1] as specialist_name
    from identity.users u where u.id in (c.client_user_id, c.specialist_user_id)
  ) n on true
  where c.id = $2`;

/** The statement behind `caseWithNames` (the bench's ceiling issues it too). */
export const caseWithNamesStatement = (caseId: string, readerId: string): Statement => ({
  name: statementName(CASE_WITH_NAMES),
  text: CASE_WITH_NAMES,
  values: [readerId, caseId],
});

/** One case the reader may see, with what its page opens with, in one round trip. */
export async function caseWithNames(tx: Tx, caseId: string, readerId: string): Promise<NamedCase | undefined> {
  return namedCaseFrom((await tx.$client.query<SqlCase>(caseWithNamesStatement(caseId, readerId))).rows);
}

/** The case `caseWithNamesStatement` read, from its rows (read where they were fetched, as a transaction opened). */
export function namedCaseFrom(rows: QueryResultRow[]): NamedCase | undefined {
  const row = rows[0] as SqlCase | undefined;
  return row ? toNamedCase(row) : undefined;
}

/** The filters as SQL over `c`, with their values numbered after `first` fixed parameters. */
function where(orgId: string, filters: CaseFilters, first: number): { text: string; values: unknown[] } {
  const parts = [`c.org_id = $${first + 1}`];
  const values: unknown[] = [orgId];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    values.push(value);
    parts.push(`c.${column} = $${first + values.length}`);
  };
  add('status', filters.status);
  add('risk_level', filters.risk);
  add('specialist_user_id', filters.specialistId);
  add('client_user_id', filters.clientId);
  if (filters.lastSession) parts.push(LAST_SESSION[filters.lastSession]);
  return { text: parts.join(' and '), values };
}

/** Which page of whose caseload: the reader, the org, the filters and order, `limit` lines after `offset`. */
export type CaseloadPageQuery = { orgId: string; readerId: string; filters: CaseFilters; sort: CaseSort; limit: number; offset: number };

/** The statement behind `caseloadPage` (the bench's ceiling issues it too). */
export function caseloadPageStatement({ orgId, readerId, filters, sort, limit, offset }: CaseloadPageQuery): Query & { types: typeof isoTimestamps } {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`page size ${limit}`);
  const filter = where(orgId, filters, 2);
  // The page size is part of the text (a whole number the API checked, 1–100): with LIMIT as a parameter
  // PostgreSQL never trusts a generic plan for this statement and plans it anew on every execution.
  // The count runs only when the page cannot tell the total (a full page), and stops past the cap (page-total.ts).
  const text = `with page as (
      select ${LINE_COLUMNS} from case_mgmt.cases c where ${filter.text} order by ${ORDER[sort]} limit ${limit} offset $2
    )
    select c.*, ${NAMES}, (
      select case when p.n < ${limit} then null else ${countUpToSql(`case_mgmt.cases c where ${filter.text}`)} end
      from (select count(*)::int as n from page) p
    ) as counted
    from page c ${NAMES_JOIN}
    order by ${ORDER[sort]}`;
  // The lines go out as JSON: their timestamps are read as the ISO text they are sent as (timestamp-text.ts).
  return { text, values: [readerId, offset, ...filter.values], types: isoTimestamps };
}

/**
 * One page of the cases the reader may see (row-level security decides which) as caseload lines, how many
 * there are, the two names on each line and the reader's own grant, in one statement: a caseload is the screen
 * a specialist opens most, and each extra round trip cost more than the rows themselves. The statement text
 * depends only on which filters are set, so the connection's named statements keep a handful of plans.
 */
export async function caseloadPage(tx: Tx, query: CaseloadPageQuery): Promise<[CaseloadLine[], PageTotal]> {
  const result = await tx.$client.query<SqlLine>(caseloadPageStatement(query));
  const rows = result.rows;
  const known = totalFromPage(query.offset, rows.length, query.limit);
  if (known !== undefined) return [rows.map(toLine), { total: known, capped: false }];
  // A full page carries the count; past the last page no row does, so ask for it alone.
  const counted = rows[0]?.counted ?? (await count(tx, query.orgId, query.filters));
  return [rows.map(toLine), totalFromCount(counted, query.offset, rows.length)];
}

async function count(tx: Tx, orgId: string, filters: CaseFilters): Promise<number> {
  const filter = where(orgId, filters, 0);
  const result = await tx.$client.query<{ n: number }>({
    text: `select ${countUpToSql(`case_mgmt.cases c where ${filter.text}`)} as n`,
    values: filter.values,
  });
  return result.rows[0]?.n ?? 0;
}

const core = (r: SqlCore) => ({
  id: r.id,
  clientUserId: r.client_user_id,
  specialistUserId: r.specialist_user_id,
  status: r.status,
  riskLevel: r.risk_level,
  jurisdiction: r.jurisdiction,
  titleCiphertext: r.title_ciphertext,
});

function toLine(r: SqlLine): CaseloadLine {
  return {
    ...core(r),
    lastSessionAt: r.last_session_at,
    updatedAt: r.updated_at,
    clientName: r.client_name,
    specialistName: r.specialist_name,
    myGrant: r.my_grant,
  };
}

function toNamedCase(r: SqlCase): NamedCase {
  return {
    row: {
      ...core(r),
      orgId: r.org_id,
      insuranceCiphertext: r.insurance_ciphertext,
      openedAt: r.opened_at,
      closedAt: r.closed_at,
      lastSessionAt: r.last_session_at,
      createdBy: r.created_by,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    },
    clientName: r.client_name,
    specialistName: r.specialist_name,
    myGrant: r.my_grant,
  };
}
