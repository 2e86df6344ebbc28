import { and, count, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { deliveries, inbox, preferences, pushSubscriptions, quietHours } from './notifications.table';

export type DeliveryRow = typeof deliveries.$inferSelect;
export type PreferenceRow = typeof preferences.$inferSelect;
export type QuietHoursRow = typeof quietHours.$inferSelect;
export type PushSubscriptionRow = typeof pushSubscriptions.$inferSelect;

export const channelsRepository = {
  preferencesOf: (tx: Tx, userId: string) => tx.select().from(preferences).where(eq(preferences.userId, userId)),
  async preference(tx: Tx, userId: string, category: PreferenceRow['category'], channel: PreferenceRow['channel']): Promise<boolean | null> {
    const [row] = await tx
      .select({ enabled: preferences.enabled })
      .from(preferences)
      .where(and(eq(preferences.userId, userId), eq(preferences.category, category), eq(preferences.channel, channel)));
    return row?.enabled ?? null;
  },
  setPreference: (tx: Tx, row: Omit<PreferenceRow, 'updatedAt'>) =>
    tx
      .insert(preferences)
      .values(row)
      .onConflictDoUpdate({ target: [preferences.userId, preferences.category, preferences.channel], set: { enabled: row.enabled, updatedAt: new Date() } }),

  async quietHoursOf(tx: Tx, userId: string): Promise<QuietHoursRow | null> {
    const [row] = await tx.select().from(quietHours).where(eq(quietHours.userId, userId));
    return row ?? null;
  },
  setQuietHours: (tx: Tx, row: Omit<QuietHoursRow, 'updatedAt'>) =>
    tx
      .insert(quietHours)
      .values(row)
      .onConflictDoUpdate({ target: quietHours.userId, set: { startsAt: row.startsAt, endsAt: row.endsAt, timezone: row.timezone, updatedAt: new Date() } }),
  clearQuietHours: (tx: Tx, userId: string) => tx.delete(quietHours).where(eq(quietHours.userId, userId)),

  /** Re-subscribing the same browser replaces its keys instead of adding a second row. */
  upsertSubscription: (tx: Tx, row: typeof pushSubscriptions.$inferInsert) =>
    tx
      .insert(pushSubscriptions)
      .values(row)
      .onConflictDoUpdate({ target: [pushSubscriptions.userId, pushSubscriptions.endpointHash], set: { subscriptionCiphertext: row.subscriptionCiphertext } })
      .returning({ id: pushSubscriptions.id }),
  subscriptionsOf: (tx: Tx, userId: string) => tx.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId)),
  deleteSubscription: (tx: Tx, userId: string, id: string) =>
    tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.id, id), eq(pushSubscriptions.userId, userId)))
      .returning({ id: pushSubscriptions.id }),
  forgetSubscription: (tx: Tx, id: string) => tx.delete(pushSubscriptions).where(eq(pushSubscriptions.id, id)),
  touchSubscription: (tx: Tx, id: string) => tx.update(pushSubscriptions).set({ lastSentAt: new Date() }).where(eq(pushSubscriptions.id, id)),

  insertDeliveries: (tx: Tx, rows: (typeof deliveries.$inferInsert)[]) => (rows.length ? tx.insert(deliveries).values(rows) : Promise.resolve()),
  /** Locks the row so two workers holding the same job cannot both claim it. */
  async lockDelivery(tx: Tx, id: string): Promise<{ delivery: DeliveryRow; notification: typeof inbox.$inferSelect } | null> {
    const [delivery] = await tx.select().from(deliveries).where(eq(deliveries.id, id)).for('update');
    if (!delivery) return null;
    const [notification] = await tx.select().from(inbox).where(eq(inbox.id, delivery.inboxId));
    return notification ? { delivery, notification } : null;
  },
  updateDelivery: (tx: Tx, id: string, set: Partial<DeliveryRow>) => tx.update(deliveries).set(set).where(eq(deliveries.id, id)),
  async deliveriesOf(tx: Tx, userId: string, limit: number, offset: number): Promise<[DeliveryRow[], number]> {
    const where = eq(deliveries.userId, userId);
    const [rows, [total]] = await Promise.all([
      tx.select().from(deliveries).where(where).orderBy(desc(deliveries.createdAt), desc(deliveries.id)).limit(limit).offset(offset),
      tx.select({ n: count() }).from(deliveries).where(where),
    ]);
    return [rows, total?.n ?? 0];
  },
};
