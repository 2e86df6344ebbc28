import type { Notification, NotificationCategory, NotificationChannel } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../platform/auth/tokens';
import { afterCommit, type Database, type Tx } from '../../platform/db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import { Paged } from '../../platform/http/route';
import type { UserEmitter } from '../../platform/realtime/relay';
import { contextOf } from '../identity';
import { categoryOf, CHANNELS } from './channel-rules';
import { channelsRepository } from './channels.repository';
import { DELIVERY_QUEUE } from './deliveries.service';
import { type InboxRow, notificationsRepository } from './notifications.repository';

export type NewNotification = {
  userId: string;
  orgId: string | null;
  kind: string;
  title: { uk: string; en: string };
  link?: string;
  /** Ids only: never personal health information. */
  data?: Record<string, string>;
  urgent?: boolean;
  /** Defaults to the category of `kind` (crisis.*, session.*, message.*, else care). */
  category?: NotificationCategory;
  /** Outside channels to try besides in-app; defaults to all, each then filtered by the person's choices. */
  channels?: readonly NotificationChannel[];
};

const toDto = (r: InboxRow): Notification => ({
  id: r.id,
  kind: r.kind,
  title: { uk: r.titleUk, en: r.titleEn },
  link: r.link,
  data: r.data,
  urgent: r.urgent === 'yes',
  created_at: r.createdAt.toISOString(),
  read_at: r.readAt?.toISOString() ?? null,
});

/**
 * The notification centre: stored first, then pushed live to the person's sockets once it has committed; each outside
 * channel gets a delivery row and a job in the same transaction, so nothing is sent for a change
 * that rolled back and each channel is tried once per notification.
 */
export function createNotificationsService(deps: { db: Database; relay: UserEmitter; jobs: Jobs }) {
  return {
    /** Adds a notification in the caller's transaction, queues its outside channels and pushes it live. */
    async notify(tx: Tx, n: NewNotification): Promise<void> {
      const row: InboxRow = {
        id: uuidv7(),
        userId: n.userId,
        orgId: n.orgId,
        kind: n.kind,
        titleUk: n.title.uk,
        titleEn: n.title.en,
        link: n.link ?? null,
        data: n.data ?? {},
        urgent: n.urgent ? 'yes' : 'no',
        createdAt: new Date(),
        readAt: null,
      };
      await notificationsRepository.insert(tx, row);
      const category = n.category ?? categoryOf(n.kind);
      const deliveries = (n.channels ?? CHANNELS).map((channel) => ({ id: uuidv7(), inboxId: row.id, userId: n.userId, orgId: n.orgId, channel, category }));
      await channelsRepository.insertDeliveries(tx, deliveries);
      for (const d of deliveries) await deps.jobs.send(tx, DELIVERY_QUEUE, { id: d.id });
      afterCommit(tx, () => deps.relay.emitToUser(n.userId, 'notification', toDto(row)));
    },

    /** Whether the person still has an unread notification of this kind about this thing (to send one nudge, not one per event). */
    hasUnread: (tx: Tx, userId: string, kind: string, about: { key: string; value: string }): Promise<boolean> =>
      notificationsRepository.hasUnread(tx, userId, kind, about.key, about.value),

    list: (p: Principal, unreadOnly: boolean, page: number, perPage: number): Promise<Paged<Notification>> =>
      deps.db.inContext(contextOf(p), async (tx) => {
        const [rows, total] = await notificationsRepository.page(tx, p.userId, unreadOnly, perPage, (page - 1) * perPage);
        return new Paged(rows.map(toDto), page, perPage, total);
      }),

    unread: (p: Principal): Promise<{ unread: number }> =>
      deps.db.inContext(contextOf(p), async (tx) => ({ unread: await notificationsRepository.unread(tx, p.userId) })),

    markRead: (p: Principal, id: string | undefined): Promise<number> =>
      deps.db.inContext(contextOf(p), async (tx) => (await notificationsRepository.markRead(tx, p.userId, id)).length),
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
