import type { Logger } from 'pino';
import type { Mailer } from '../../platform/channels/mailer';
import type { PushSender, PushSubscriptionKeys } from '../../platform/channels/push';
import { SmsRejected, type SmsSender } from '../../platform/channels/sms';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { type Database, systemContext, type Tx } from '../../platform/db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import { userAad, usersRepository } from '../identity';
import { defaultFor, isLocked, quietUntil } from './channel-rules';
import { channelsRepository, type DeliveryRow } from './channels.repository';

export const DELIVERY_QUEUE = 'notify.channel';
/** One first try and the queue's five retries (5 s, 10 s, 20 s… backoff). */
export const MAX_ATTEMPTS = 6;
/** A claim older than this belongs to a worker that died mid-send; the job may take it over. */
const CLAIM_LEASE_MS = 2 * 60_000;

export type ChannelDeps = {
  db: Database;
  crypto: FieldCrypto;
  jobs: Jobs;
  mailer: Mailer;
  sms: SmsSender | null;
  push: PushSender;
  publicUrl: string;
  logger: Logger;
};

export type DeliveryOutcome = DeliveryRow['status'] | 'deferred' | 'busy';
type Notification = NonNullable<Awaited<ReturnType<typeof channelsRepository.lockDelivery>>>['notification'];
type Work = { delivery: DeliveryRow; send: () => Promise<{ status: 'sent' | 'captured' | 'skipped'; detail: string }> };

export const subscriptionAad = (userId: string, endpointHash: Buffer) =>
  `notifications.push_subscriptions.subscription:${userId}:${endpointHash.toString('hex')}`;

/** Sends one notification on one outside channel, at most once, honouring preferences and quiet hours. */
export function createDeliveryWorker(deps: ChannelDeps) {
  const { db, crypto } = deps;

  const message = (n: Notification, locale: 'uk' | 'en') => ({
    title: locale === 'uk' ? n.titleUk : n.titleEn,
    link: n.link ? `${deps.publicUrl}${n.link}` : null,
  });

  async function plan(tx: Tx, d: DeliveryRow, n: Notification, now: Date): Promise<DeliveryOutcome | Work> {
    const chosen = (await channelsRepository.preference(tx, d.userId, d.category, d.channel)) ?? defaultFor(d.category, d.channel);
    if (!chosen && !isLocked(d.category, d.channel)) {
      await channelsRepository.updateDelivery(tx, d.id, { status: 'skipped', detail: 'turned off by the recipient' });
      return 'skipped';
    }
    if (d.category !== 'crisis' && n.urgent !== 'yes') {
      const quiet = await channelsRepository.quietHoursOf(tx, d.userId);
      const until = quiet ? quietUntil(now, quiet) : null;
      if (until) {
        await channelsRepository.updateDelivery(tx, d.id, { notBefore: until, detail: 'waiting for the end of quiet hours' });
        await deps.jobs.send(tx, DELIVERY_QUEUE, { id: d.id }, { startAfter: until });
        return 'deferred';
      }
    }
    const user = await usersRepository.byId(tx, d.userId);
    if (!user || user.erasedAt) {
      await channelsRepository.updateDelivery(tx, d.id, { status: 'skipped', detail: 'the account no longer exists' });
      return 'skipped';
    }
    const text = message(n, user.locale);
    switch (d.channel) {
      case 'email': {
        const to = await crypto.open(tx, user.emailCiphertext, userAad(user.id, 'email'));
        if (!to) return skip(tx, d, 'no readable email address');
        const footer = user.locale === 'uk' ? 'Налаштування сповіщень' : 'Notification settings';
        // The outbox is the email channel's own queue with retries: handing over is the send.
        await deps.mailer.enqueue(tx, {
          orgId: d.orgId,
          to,
          subject: text.title,
          text: [text.title, text.link, '', `${footer}: ${deps.publicUrl}/account/notifications`].filter((l) => l !== null).join('\n'),
          template: `notification.${n.kind}`,
        });
        await channelsRepository.updateDelivery(tx, d.id, {
          status: 'sent',
          attempts: d.attempts + 1,
          sentAt: new Date(),
          detail: 'handed to the mail outbox',
        });
        return 'sent';
      }
      case 'sms': {
        const phone = user.phoneCiphertext ? await crypto.open(tx, user.phoneCiphertext, userAad(user.id, 'phone')) : null;
        if (!phone) return skip(tx, d, 'no phone number on the account');
        const sms = deps.sms;
        const body = [text.title, text.link].filter(Boolean).join(' ');
        return claim(tx, d, now, async () => {
          if (!sms) return { status: 'captured', detail: 'no SMS provider configured; kept in this log' };
          await sms.send({ to: phone, body });
          return { status: 'sent', detail: `sent by ${sms.provider}` };
        });
      }
      case 'push': {
        const rows = await channelsRepository.subscriptionsOf(tx, d.userId);
        if (!rows.length) return skip(tx, d, 'no device subscribed to push');
        const targets: { id: string; keys: PushSubscriptionKeys }[] = [];
        for (const row of rows) {
          const opened = await crypto.open(tx, row.subscriptionCiphertext, subscriptionAad(row.userId, row.endpointHash));
          if (opened) targets.push({ id: row.id, keys: JSON.parse(opened) as PushSubscriptionKeys });
        }
        const payload = { title: text.title, link: n.link, urgent: n.urgent === 'yes', tag: n.kind };
        return claim(tx, d, now, () => pushToAll(targets, payload));
      }
    }
  }

  async function skip(tx: Tx, d: DeliveryRow, detail: string): Promise<DeliveryOutcome> {
    await channelsRepository.updateDelivery(tx, d.id, { status: 'skipped', detail });
    return 'skipped';
  }

  async function claim(tx: Tx, d: DeliveryRow, now: Date, send: Work['send']): Promise<Work> {
    await channelsRepository.updateDelivery(tx, d.id, { status: 'sending', claimedAt: now, attempts: d.attempts + 1 });
    return { delivery: { ...d, attempts: d.attempts + 1 }, send };
  }

  /** Every device of the person; a device the push service no longer knows is forgotten. */
  async function pushToAll(targets: { id: string; keys: PushSubscriptionKeys }[], payload: Parameters<PushSender['send']>[1]) {
    let sent = 0;
    const failures: string[] = [];
    for (const target of targets) {
      try {
        const outcome = await deps.push.send(target.keys, payload);
        await db.inContext(systemContext, (tx) =>
          outcome === 'gone' ? channelsRepository.forgetSubscription(tx, target.id) : channelsRepository.touchSubscription(tx, target.id),
        );
        if (outcome === 'sent') sent++;
      } catch (error) {
        failures.push(String(error).slice(0, 120));
      }
    }
    if (sent) return { status: 'sent' as const, detail: `${sent} of ${targets.length} device(s)` };
    if (failures.length) throw new Error(failures.join('; '));
    return { status: 'skipped' as const, detail: 'every subscribed device has gone' };
  }

  return {
    /** The job handler. Throws only when a retry may help; the queue then backs off and tries again. */
    async deliver(id: string, now = new Date()): Promise<DeliveryOutcome> {
      const step = await db.inContext(systemContext, async (tx) => {
        const locked = await channelsRepository.lockDelivery(tx, id);
        if (!locked) return 'skipped' as const;
        const { delivery: d, notification } = locked;
        const leaseOver = d.status === 'sending' && (d.claimedAt?.getTime() ?? 0) < now.getTime() - CLAIM_LEASE_MS;
        if (d.status !== 'queued' && !leaseOver) return d.status === 'sending' ? ('busy' as const) : d.status;
        if (d.notBefore && d.notBefore.getTime() > now.getTime()) return 'deferred' as const;
        return plan(tx, d, notification, now);
      });
      if (typeof step === 'string') return step;
      try {
        const result = await step.send();
        await db.inContext(systemContext, (tx) =>
          channelsRepository.updateDelivery(tx, step.delivery.id, {
            status: result.status,
            detail: result.detail,
            sentAt: result.status === 'skipped' ? null : new Date(),
          }),
        );
        return result.status;
      } catch (error) {
        const final = error instanceof SmsRejected || step.delivery.attempts >= MAX_ATTEMPTS;
        await db.inContext(systemContext, (tx) =>
          channelsRepository.updateDelivery(tx, step.delivery.id, { status: final ? 'failed' : 'queued', detail: String(error).slice(0, 300) }),
        );
        if (final) {
          deps.logger.warn({ deliveryId: step.delivery.id, channel: step.delivery.channel }, 'notification delivery failed for good');
          return 'failed';
        }
        throw error;
      }
    },
  };
}
