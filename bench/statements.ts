// Statements the direct-SQL ceilings share with the server, so both sides do the same work.
import type pg from 'pg';

const ENTER_ORG = `select m.role, set_config('app.org_id', m.org_id::text, true), set_config('app.role', m.role::text, true)
  from identity.memberships m where m.org_id = $1 and m.user_id = $2 and m.removed_at is null`;
const prepared = new WeakSet<pg.PoolClient>();

/**
 * Opens the transaction (`begin`: BEGIN and the settings) and enters an org as the user's membership, as
 * the server does: once a connection has the membership statement prepared, in BEGIN's round trip.
 */
export async function beginInOrg(c: pg.PoolClient, begin: string, orgId: string, userId: string): Promise<void> {
  if (prepared.has(c)) {
    await c.query(`${begin}; execute bench_enter_org(${c.escapeLiteral(orgId)}, ${c.escapeLiteral(userId)})`);
    return;
  }
  await c.query(begin);
  await c.query({ name: 'bench_enter_org', text: ENTER_ORG, values: [orgId, userId] });
  prepared.add(c);
}
