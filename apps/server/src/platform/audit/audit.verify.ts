import crypto from 'node:crypto';
import type pg from 'pg';
import { inTransaction } from '../db/database';

export type ChainBreak = { id: string; org_id: string | null; seq: number; reason: string };
type Chain = { key: string; orgId: string | null; lane: number };
export type VerifyResult = { ok: boolean; chains: number; rows: number; first_bad: ChainBreak | null };

// The canonical text is rebuilt here, not by the database's own function, so altering that
// function cannot hide an altered row.
const ROWS = `select id, org_id, seq, hash, prev_hash,
  jsonb_build_array(id, org_id, lane, seq, (extract(epoch from at) * 1000000)::bigint, actor_user_id, action,
    resource_type, resource_id, subject_user_id, purpose, outcome, request_id, host(ip), details,
    encode(prev_hash, 'hex'))::text as canonical
  from audit.audit_log where org_id is not distinct from $1 and lane = $2 and seq > $3 order by seq limit $4`;

/**
 * Walks every chain (32 lanes per org, plus the platform's) and recomputes each row's hash.
 * Reads with the owner connection: verification must see every row, whatever RLS would show.
 */
export async function verifyAuditChains(owner: pg.Pool, batch = 5_000): Promise<VerifyResult> {
  // One snapshot for heads and rows: a row committing mid-walk must not look like a removed one.
  return inTransaction(
    owner,
    () => 'begin isolation level repeatable read read only',
    (client) => verifyAuditChainsIn(client, batch),
  );
}

/** The same walk on a connection the caller controls (inside its own transaction). */
export async function verifyAuditChainsIn(owner: pg.ClientBase, batch = 5_000): Promise<VerifyResult> {
  const heads = await owner.query<{ chain: string; seq: string; hash: Buffer }>('select chain, seq, hash from audit.chain_heads');
  const logged = await owner.query<{ org_id: string | null; lane: number }>('select distinct org_id, lane from audit.audit_log');
  const chains = new Map<string, Chain>();
  for (const h of heads.rows) chains.set(h.chain, parseChain(h.chain));
  for (const r of logged.rows) {
    const key = `${r.org_id ?? 'platform'}/${r.lane}`;
    chains.set(key, { key, orgId: r.org_id, lane: r.lane });
  }
  let rows = 0;
  for (const chain of [...chains.values()].sort((a, b) => a.key.localeCompare(b.key))) {
    const head = heads.rows.find((h) => h.chain === chain.key);
    const result = await verifyChain(owner, chain, batch);
    rows += result.rows;
    if (result.bad) return { ok: false, chains: chains.size, rows, first_bad: result.bad };
    const headSeq = head ? Number(head.seq) : 0;
    if (headSeq !== result.lastSeq || (head && result.lastHash && !head.hash.equals(result.lastHash))) {
      const reason = `chain ${chain.key}: the head says seq ${headSeq}, the log ends at ${result.lastSeq}; rows were removed`;
      return {
        ok: false,
        chains: chains.size,
        rows,
        first_bad: { id: result.lastId ?? '00000000-0000-0000-0000-000000000000', org_id: chain.orgId, seq: result.lastSeq, reason },
      };
    }
  }
  return { ok: true, chains: chains.size, rows, first_bad: null };
}

type Row = { id: string; org_id: string | null; seq: string; hash: Buffer | null; prev_hash: Buffer | null; canonical: string };

function parseChain(key: string): Chain {
  const [org = 'platform', lane = '0'] = key.split('/');
  return { key, orgId: org === 'platform' ? null : org, lane: Number(lane) };
}

async function verifyChain(owner: pg.ClientBase, chain: Chain, batch: number) {
  const orgId = chain.orgId;
  let expectedSeq = 1;
  let prev: Buffer | null = null;
  let lastId: string | null = null;
  let rows = 0;
  for (;;) {
    const page = await owner.query<Row>(ROWS, [orgId, chain.lane, expectedSeq - 1, batch]);
    for (const row of page.rows) {
      const seq = Number(row.seq);
      const bad = (reason: string) => ({ id: row.id, org_id: orgId, seq, reason });
      if (seq !== expectedSeq) return { rows, bad: bad(`expected seq ${expectedSeq}, found ${seq}: a row is missing`), lastSeq: 0, lastHash: null, lastId };
      if (!sameBytes(row.prev_hash, prev)) return { rows, bad: bad('prev_hash does not match the previous row'), lastSeq: 0, lastHash: null, lastId };
      const computed = crypto.createHash('sha256').update(row.canonical, 'utf8').digest();
      if (!row.hash || !computed.equals(row.hash)) return { rows, bad: bad('the row was altered after it was written'), lastSeq: 0, lastHash: null, lastId };
      prev = row.hash;
      lastId = row.id;
      expectedSeq += 1;
      rows += 1;
    }
    if (page.rows.length < batch) break;
  }
  return { rows, bad: null, lastSeq: expectedSeq - 1, lastHash: prev, lastId };
}

function sameBytes(a: Buffer | null, b: Buffer | null): boolean {
  if (!a || !b) return !a && !b;
  return a.equals(b);
}
