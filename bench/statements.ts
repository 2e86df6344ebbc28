// Statements the direct-SQL ceilings share with the server, so both sides do the same work.
import type pg from 'pg';

const ENTER_ORG = `select m.role, set_config('app.org_id', m.org_id::text, true), set_config('app.role', m.role::text, true)
  from identity.memberships m where m.org_id = $1 and m.user_id = $2 and m.removed_at is null`;
/**
 * Opens the transaction (`begin`: BEGIN and the settings) and enters an org as the user's membership, one
 * statement per round trip, as a plain pg client would. The server sends the same statements but rides the
 * membership on BEGIN's round trip and the audit row on COMMIT's (ADR 0025): fewer round trips are the API's
 * own work, and the ceiling does not copy them (docs/performance.md gives the figure with them too).
 */
export async function beginInOrg(c: pg.PoolClient, begin: string, orgId: string, userId: string): Promise<void> {
  await c.query(begin);
  await c.query({ name: 'bench_enter_org', text: ENTER_ORG, values: [orgId, userId] });
}
