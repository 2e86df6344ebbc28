import crypto from 'node:crypto';
import type { Delivery, NotificationPreferences, pushSubscription, updateNotificationPreferences } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { Paged } from '../../platform/http/route';
import { contextOf, type RequestMeta } from '../identity';
import { CATEGORIES, CHANNELS, defaultFor, isLocked } from './channel-rules';
import { channelsRepository, type DeliveryRow } from './channels.repository';
import { subscriptionAad } from './deliveries.service';

type Deps = { db: Database; crypto: FieldCrypto; pushPublicKey: string; pushAllowLoopback: boolean };

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

const deliveryDto = (d: DeliveryRow): Delivery => ({
  id: d.id,
  notification_id: d.inboxId,
  channel: d.channel,
  category: d.category,
  status: d.status,
  attempts: d.attempts,
  detail: d.detail,
  not_before: d.notBefore?.toISOString() ?? null,
  created_at: d.createdAt.toISOString(),
  sent_at: d.sentAt?.toISOString() ?? null,
});

/** A person's own channel choices, quiet hours, push devices and delivery log. */
export function createPreferencesService(deps: Deps) {
  const { db } = deps;
  const actorOf = (p: Principal, meta: RequestMeta) => ({ userId: p.userId, orgId: p.orgId, requestId: meta.requestId, ip: meta.ip });

  async function read(p: Principal): Promise<NotificationPreferences> {
    return db.inContext(contextOf(p), async (tx) => {
      const chosen = await channelsRepository.preferencesOf(tx, p.userId);
      const quiet = await channelsRepository.quietHoursOf(tx, p.userId);
      return {
        channels: CATEGORIES.flatMap((category) =>
          CHANNELS.map((channel) => ({
            category,
            channel,
            enabled:
              isLocked(category, channel) || (chosen.find((c) => c.category === category && c.channel === channel)?.enabled ?? defaultFor(category, channel)),
            locked: isLocked(category, channel),
          })),
        ),
        quiet_hours: quiet ? { starts_at: quiet.startsAt, ends_at: quiet.endsAt, timezone: quiet.timezone } : null,
      };
    });
  }

  /** The endpoint must be a push service on the internet: https, a host name, no credentials. */
  function checkEndpoint(endpoint: string): void {
    const url = new URL(endpoint);
    const loopback = LOOPBACK.has(url.hostname);
    const acceptable = url.username === '' && url.password === '' && (url.protocol === 'https:' ? !loopback : deps.pushAllowLoopback && loopback);
    if (!acceptable) throw new AppError('NOTIFICATION.PUSH_ENDPOINT_REJECTED', 'A push endpoint must be an https address of a push service');
  }

  return {
    read,

    async update(p: Principal, body: z.infer<typeof updateNotificationPreferences>, meta: RequestMeta): Promise<NotificationPreferences> {
      const locked = body.channels?.find((c) => isLocked(c.category, c.channel) && !c.enabled);
      if (locked)
        throw new AppError('NOTIFICATION.CHANNEL_LOCKED', `${locked.category} notifications always go by ${locked.channel}`, {
          category: locked.category,
          channel: locked.channel,
        });
      await db.inContext(contextOf(p), async (tx) => {
        for (const c of body.channels ?? []) await channelsRepository.setPreference(tx, { userId: p.userId, ...c });
        if (body.quiet_hours === null) await channelsRepository.clearQuietHours(tx, p.userId);
        else if (body.quiet_hours)
          await channelsRepository.setQuietHours(tx, {
            userId: p.userId,
            startsAt: body.quiet_hours.starts_at,
            endsAt: body.quiet_hours.ends_at,
            timezone: body.quiet_hours.timezone,
          });
        await recordAudit(tx, actorOf(p, meta), {
          action: 'notifications.preferences.update',
          resourceType: 'notification_preferences',
          resourceId: p.userId,
          details: { channels: body.channels?.length ?? 0, quiet_hours: body.quiet_hours === undefined ? 'unchanged' : body.quiet_hours ? 'set' : 'cleared' },
        });
      });
      return read(p);
    },

    pushKey: () => ({ public_key: deps.pushPublicKey }),

    async subscribe(p: Principal, body: z.infer<typeof pushSubscription>, meta: RequestMeta): Promise<{ id: string }> {
      checkEndpoint(body.endpoint);
      return db.inContext(contextOf(p), async (tx) => {
        const endpointHash = crypto.createHash('sha256').update(body.endpoint).digest();
        const sealed = JSON.stringify({ endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth });
        const [row] = await channelsRepository.upsertSubscription(tx, {
          id: uuidv7(),
          userId: p.userId,
          endpointHash,
          subscriptionCiphertext: await deps.crypto.sealForUser(tx, p.userId, sealed, subscriptionAad(p.userId, endpointHash)),
        });
        const id = (row as { id: string }).id;
        await recordAudit(tx, actorOf(p, meta), { action: 'notifications.push.subscribe', resourceType: 'push_subscription', resourceId: id });
        return { id };
      });
    },

    async unsubscribe(p: Principal, id: string, meta: RequestMeta): Promise<void> {
      await db.inContext(contextOf(p), async (tx) => {
        const [gone] = await channelsRepository.deleteSubscription(tx, p.userId, id);
        if (!gone) throw new AppError('NOTIFICATION.SUBSCRIPTION_NOT_FOUND', 'No such push subscription');
        await recordAudit(tx, actorOf(p, meta), { action: 'notifications.push.unsubscribe', resourceType: 'push_subscription', resourceId: id });
      });
    },

    deliveries: (p: Principal, page: number, perPage: number): Promise<Paged<Delivery>> =>
      db.inContext(contextOf(p), async (tx) => {
        const [rows, total] = await channelsRepository.deliveriesOf(tx, p.userId, perPage, (page - 1) * perPage);
        return new Paged(rows.map(deliveryDto), page, perPage, total);
      }),
  };
}

export type PreferencesService = ReturnType<typeof createPreferencesService>;
