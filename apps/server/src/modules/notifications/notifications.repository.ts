import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { inbox } from './notifications.table';

export type InboxRow = typeof inbox.$inferSelect;

export const notificationsRepository = {
  insert: (tx: Tx, row: typeof inbox.$inferInsert) => tx.insert(inbox).values(row),
  async page(tx: Tx, userId: string, unreadOnly: boolean, limit: number, offset: number): Promise<[InboxRow[], number]> {
    const where = and(eq(inbox.userId, userId), unreadOnly ? isNull(inbox.readAt) : undefined);
    const [rows, [total]] = await Promise.all([
      tx.select().from(inbox).where(where).orderBy(desc(inbox.createdAt)).limit(limit).offset(offset),
      tx.select({ n: count() }).from(inbox).where(where),
    ]);
    return [rows, total?.n ?? 0];
  },
  async unread(tx: Tx, userId: string): Promise<number> {
    const [row] = await tx
      .select({ n: count() })
      .from(inbox)
      .where(and(eq(inbox.userId, userId), isNull(inbox.readAt)));
    return row?.n ?? 0;
  },
  async hasUnread(tx: Tx, userId: string, kind: string, key: string, value: string): Promise<boolean> {
    const [row] = await tx
      .select({ id: inbox.id })
      .from(inbox)
      .where(and(eq(inbox.userId, userId), eq(inbox.kind, kind), isNull(inbox.readAt), sql`${inbox.data} ->> ${key} = ${value}`))
      .limit(1);
    return Boolean(row);
  },
  markRead: (tx: Tx, userId: string, id?: string) =>
    tx
      .update(inbox)
      .set({ readAt: new Date() })
      .where(and(eq(inbox.userId, userId), isNull(inbox.readAt), id ? eq(inbox.id, id) : undefined))
      .returning({ id: inbox.id }),
};
