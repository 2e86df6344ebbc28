// Statements the direct-SQL ceilings share with the server, so both sides do the same work.
import type pg from 'pg';

/** Enters an org as the user's membership there: the role read and the settings in one statement, as the server does. */
export const enterOrg = (c: pg.PoolClient, orgId: string, userId: string) =>
  c.query({
    name: 'bench_enter_org',
    text: `select m.role, set_config('app.org_id', m.org_id::text, true), set_config('app.role', m.role::text, true)
             from identity.memberships m where m.org_id = $1 and m.user_id = $2 and m.removed_at is null`,
    values: [orgId, userId],
  });
