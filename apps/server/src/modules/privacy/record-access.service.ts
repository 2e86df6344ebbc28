import type { RecordAccessEntry } from '@tend/contracts';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { Paged } from '../../platform/http/route';
import { contextOf, type RequestMeta } from '../identity';
import { userNames } from '../orgs';

type Row = {
  id: string;
  at: Date;
  org_id: string | null;
  org_name: string | null;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  resource_type: string;
  purpose: string;
  total: string;
};

/** "Who viewed my record", from the audit log: every access to my data by someone else, newest first. */
export function createRecordAccessService(deps: { db: Database; crypto: FieldCrypto }) {
  return {
    list: (p: Principal, page: number, perPage: number, meta: RequestMeta): Promise<Paged<RecordAccessEntry>> =>
      deps.db.inContext(contextOf(p), async (tx) => {
        const result = await tx.execute<Row>(sql`select * from audit.record_access_for_me(${perPage}, ${(page - 1) * perPage})`);
        const rows = result.rows;
        const names = await userNames(
          tx,
          deps.crypto,
          rows.map((r) => r.actor_user_id),
        );
        await recordAudit(
          tx,
          { userId: p.userId, orgId: p.orgId, requestId: meta.requestId, ip: meta.ip },
          {
            action: 'privacy.record_access_read',
            resourceType: 'audit_log',
            subjectUserId: p.userId,
            purpose: 'transparency',
          },
        );
        const items = rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          org: r.org_id ? { id: r.org_id, name: r.org_name ?? '' } : null,
          actor: r.actor_user_id ? { id: r.actor_user_id, name: names.get(r.actor_user_id) ?? null, role: r.actor_role } : null,
          action: r.action,
          resource_type: r.resource_type,
          purpose: r.purpose,
        }));
        return new Paged(items, page, perPage, Number(rows[0]?.total ?? 0));
      }),
  };
}
