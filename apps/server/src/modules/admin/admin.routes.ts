import { adminOrg, auditEntry, auditQuery, auditVerification, mail, pageQuery, uuidParam } from '@tend/contracts';
import { and, count, eq, isNull, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { auditLog, auditLogPage, recordAudit, verifyAuditChains } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { Mailer } from '../../platform/channels/mailer';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { Paged, privateRoute } from '../../platform/http/route';
import { contextOf, memberships, orgs } from '../identity';
import { toAuditEntry, userNames } from '../orgs';

const tags = ['admin'];
const access = { platformAdmin: true } as const;

/** Platform administration: every org, the whole audit log and its verification, the dev mailbox. */
export function adminRoutes(app: FastifyInstance, deps: { db: Database; crypto: FieldCrypto; mailer: Mailer }): void {
  const { db, crypto, mailer } = deps;
  const asAdmin = <T>(p: Principal, work: (tx: Tx) => Promise<T>) => db.inContext(contextOf(p), work);
  const actorOf = (p: Principal, requestId: string, ip: string) => ({ userId: p.userId, orgId: null, requestId, ip });

  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/orgs',
    summary: 'Every organization on this platform',
    tags,
    access,
    querystring: pageQuery,
    response: z.array(adminOrg),
    handler: ({ principal, query }) =>
      asAdmin(principal, async (tx) => {
        const rows = await tx
          .select({ org: orgs, members: count(memberships.id) })
          .from(orgs)
          .leftJoin(memberships, and(eq(memberships.orgId, orgs.id), isNull(memberships.removedAt)))
          .groupBy(orgs.id)
          .orderBy(orgs.createdAt)
          .limit(query.per_page)
          .offset((query.page - 1) * query.per_page);
        const total = await tx.$count(orgs);
        const items = rows.map(({ org, members }) => ({
          id: org.id,
          name: org.name,
          timezone: org.timezone,
          region: org.region,
          members,
          created_at: org.createdAt.toISOString(),
        }));
        return new Paged(items, query.page, query.per_page, total);
      }),
  });

  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/audit',
    summary: 'The audit log across organizations, newest first',
    tags: ['admin', 'audit'],
    access,
    querystring: auditQuery,
    response: z.array(auditEntry),
    handler: ({ principal, query, request }) =>
      asAdmin(principal, async (tx) => {
        const filters: SQL[] = [];
        if (query.org_id) filters.push(eq(auditLog.orgId, query.org_id));
        if (query.action) filters.push(eq(auditLog.action, query.action));
        const where = filters.length ? and(...filters) : undefined;
        const [rows, total] = await auditLogPage(tx, where, query.per_page, (query.page - 1) * query.per_page);
        await recordAudit(tx, actorOf(principal, request.id, request.ip), {
          action: 'audit.read',
          resourceType: 'audit_log',
          purpose: 'compliance',
          orgId: null,
        });
        const names = await userNames(
          tx,
          crypto,
          rows.map((r) => r.actorUserId),
        );
        return new Paged(
          rows.map((r) => toAuditEntry(r, r.actorUserId ? (names.get(r.actorUserId) ?? null) : null)),
          query.page,
          query.per_page,
          total,
        );
      }),
  });

  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/admin/audit/verify',
    summary: 'Recompute every hash chain of the audit log',
    tags: ['admin', 'audit'],
    access,
    response: auditVerification,
    handler: async ({ principal, request }) => {
      const result = await verifyAuditChains(db.owner);
      await asAdmin(principal, (tx) =>
        recordAudit(tx, actorOf(principal, request.id, request.ip), {
          action: 'audit.verify',
          resourceType: 'audit_log',
          purpose: 'compliance',
          orgId: null,
          outcome: result.ok ? 'success' : 'failure',
          details: { rows: result.rows },
        }),
      );
      return result;
    },
  });

  const toMail = (m: Awaited<ReturnType<Mailer['list']>>['items'][number]) => ({
    id: m.id,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: null,
    status: m.status,
    created_at: m.createdAt.toISOString(),
  });

  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/mail',
    summary: 'Dev mailbox: outgoing email, newest first',
    tags,
    access,
    querystring: pageQuery,
    response: z.array(mail),
    handler: ({ principal, query, request }) =>
      asAdmin(principal, async (tx) => {
        const { items, total } = await mailer.list(tx, query.per_page, (query.page - 1) * query.per_page);
        await recordAudit(tx, actorOf(principal, request.id, request.ip), {
          action: 'mail.read',
          resourceType: 'mail_outbox',
          purpose: 'operations',
          orgId: null,
        });
        return new Paged(items.map(toMail), query.page, query.per_page, total);
      }),
  });

  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/admin/mail/:id',
    summary: 'One message from the dev mailbox',
    tags,
    access,
    params: uuidParam,
    response: mail,
    handler: ({ principal, params, request }) =>
      asAdmin(principal, async (tx) => {
        const found = await mailer.get(tx, params.id);
        if (!found) throw new AppError('MAIL.NOT_FOUND', 'No such message');
        await recordAudit(
          tx,
          { ...actorOf(principal, request.id, request.ip) },
          { action: 'mail.read', resourceType: 'mail_outbox', resourceId: params.id, purpose: 'operations', orgId: null },
        );
        return toMail(found);
      }),
  });
}
