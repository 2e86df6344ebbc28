import { desc, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/database';
import { type PageTotal, pageTotal } from '../db/page-total';
import { auditLog } from './audit.table';

export type AuditRow = typeof auditLog.$inferSelect;

/** A page of the audit log, newest first, with its total counted only up to the cap (page-total.ts). */
export async function auditLogPage(tx: Tx, where: SQL | undefined, limit: number, offset: number): Promise<[AuditRow[], PageTotal]> {
  const rows = await tx.select().from(auditLog).where(where).orderBy(desc(auditLog.at)).limit(limit).offset(offset);
  return [rows, await pageTotal(tx, auditLog, where, offset, rows.length, limit)];
}
