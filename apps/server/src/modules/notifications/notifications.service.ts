import type { Notification } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { Principal } from '../../platform/auth/tokens';
import type { Database, Tx } from '../../platform/db/database';
import { Paged } from '../../platform/http/route';
import type { UserEmitter } from '../../platform/realtime/relay';
import { contextOf } from '../identity';
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

/** The in-app notification centre: stored first, then pushed live to the person's sockets. */
export function createNotificationsService(deps: { db: Database; relay: UserEmitter }) {
  return {
    /** Adds a notification in the caller's transaction and pushes it live. */
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
      deps.relay.emitToUser(n.userId, 'notification', toDto(row));
    },

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
