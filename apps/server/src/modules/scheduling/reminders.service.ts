import crypto from 'node:crypto';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { Mailer } from '../../platform/channels/mailer';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { type Database, systemContext, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { Jobs } from '../../platform/jobs/jobs';
import { type RequestMeta, userAad, usersRepository } from '../identity';
import type { NotificationsService } from '../notifications';
import { inActiveOrg, orgsRepository } from '../orgs';
import { calendar } from './ics';
import { type AppointmentRow, remindersRepository, schedulingRepository } from './scheduling.repository';

export const REMINDER_JOB = 'scheduling.reminder';
/** −24 h email with the .ics, −1 h in-app, −15 min check-in, −5 min device check. */
export const REMINDERS = [
  { kind: 'email_24h', minutesBefore: 24 * 60 },
  { kind: 'inapp_1h', minutesBefore: 60 },
  { kind: 'checkin_15m', minutesBefore: 15 },
  { kind: 'device_check_5m', minutesBefore: 5 },
] as const;
export type ReminderJob = { appointment_id: string; kind: (typeof REMINDERS)[number]['kind']; starts_at: string };

export type RemindersDeps = { db: Database; crypto: FieldCrypto; jobs: Jobs; mailer: Mailer; notifications: NotificationsService; publicUrl: string };

export function createRemindersService(deps: RemindersDeps) {
  const event = (a: AppointmentRow, summary: string) => ({
    uid: `${a.id}@tend`,
    start: a.startsAt,
    end: a.endsAt,
    summary,
    url: `${deps.publicUrl}/sessions/${a.id}`,
  });

  return {
    /** Inside the booking's transaction: the reminders exist only if the booking does. */
    async schedule(tx: Tx, a: AppointmentRow, now = Date.now()): Promise<number> {
      const starts_at = a.startsAt.toISOString();
      const jobs = REMINDERS.map((r) => ({ kind: r.kind, at: a.startsAt.getTime() - r.minutesBefore * 60_000 }))
        .filter((r) => r.at > now)
        .map((r) => ({
          data: { appointment_id: a.id, kind: r.kind, starts_at } satisfies ReminderJob,
          startAfter: new Date(r.at),
          singletonKey: `${a.id}:${r.kind}:${starts_at}`,
        }));
      // One statement for all of them: a booking's round trips are its cost (bench/booking.ts).
      await deps.jobs.sendMany(tx, REMINDER_JOB, jobs);
      return jobs.length;
    },

    /** The job: skips cancelled or moved sessions, and sends each reminder once (the claim row decides). */
    send: (data: ReminderJob): Promise<'sent' | 'skipped'> =>
      deps.db.inContext(systemContext, async (tx) => {
        const a = await schedulingRepository.appointment(tx, data.appointment_id);
        if (!a || a.status !== 'scheduled' || a.startsAt.toISOString() !== data.starts_at) return 'skipped';
        // Claimed per start: a moved session gets its reminders again, each once.
        if (!(await remindersRepository.claim(tx, a.id, `${data.kind}@${data.starts_at}`, a.orgId))) return 'skipped';
        const org = await orgsRepository.byId(tx, a.orgId);
        const client = await usersRepository.byId(tx, a.clientUserId);
        const uk = client?.locale !== 'en';
        const link = `/sessions/${a.id}`;
        switch (data.kind) {
          case 'email_24h': {
            const email = client ? await deps.crypto.open(tx, client.emailCiphertext, userAad(client.id, 'email')) : null;
            if (!email) return 'skipped';
            const when = a.startsAt.toLocaleString(uk ? 'uk-UA' : 'en-GB', { timeZone: org?.timezone ?? 'Europe/Kyiv', dateStyle: 'full', timeStyle: 'short' });
            const summary = uk ? `Сесія — ${org?.name ?? 'Tend'}` : `Session — ${org?.name ?? 'Tend'}`;
            await deps.mailer.enqueue(tx, {
              orgId: a.orgId,
              to: email,
              subject: uk ? `Нагадування: сесія завтра, ${when}` : `Reminder: your session tomorrow, ${when}`,
              text: uk
                ? `Ваша сесія — ${when} (${org?.timezone}).\nПосилання: ${deps.publicUrl}${link}`
                : `Your session is on ${when} (${org?.timezone}).\nLink: ${deps.publicUrl}${link}`,
              template: 'session_reminder',
              calendar: calendar(summary, [event(a, summary)]),
            });
            return 'sent';
          }
          case 'inapp_1h':
            for (const userId of [a.clientUserId, a.specialistUserId]) {
              await deps.notifications.notify(tx, {
                userId,
                orgId: a.orgId,
                kind: 'session.reminder',
                title: { uk: 'Сесія за годину', en: 'Session in an hour' },
                link,
                data: { appointment_id: a.id },
              });
            }
            return 'sent';
          case 'checkin_15m':
            await deps.notifications.notify(tx, {
              userId: a.clientUserId,
              orgId: a.orgId,
              kind: 'session.checkin',
              title: { uk: 'Зал очікування відкрито', en: 'The waiting room is open' },
              link,
              data: { appointment_id: a.id },
            });
            return 'sent';
          case 'device_check_5m':
            await deps.notifications.notify(tx, {
              userId: a.clientUserId,
              orgId: a.orgId,
              kind: 'session.device_check',
              title: { uk: 'Перевірте камеру й мікрофон', en: 'Check your camera and microphone' },
              link,
              data: { appointment_id: a.id },
            });
            return 'sent';
        }
      }),

    /** The specialist's secret feed URL (created on first ask; `rotate` revokes the old one). */
    feedUrl: (p: Principal, rotate: boolean, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['specialist'], async ({ tx, actor }) => {
        const settings = await schedulingRepository.settings(tx, p.userId);
        if (!settings) throw new AppError('SCHEDULING.SPECIALIST_NOT_FOUND', 'Set your availability first');
        let token = settings.calendarToken;
        if (!token || rotate) {
          token = crypto.randomBytes(32).toString('base64url');
          await remindersRepository.setCalendarToken(tx, p.userId, token);
          await recordAudit(tx, actor, {
            action: 'scheduling.calendar_feed_issue',
            resourceType: 'calendar_feed',
            resourceId: p.userId,
            purpose: 'operations',
            details: { rotated: rotate },
          });
        }
        return { url: `${deps.publicUrl}/api/v1/calendar/${token}.ics` };
      }),

    /** The feed itself (public: the token is the credential). Sessions for 90 days, no client names. */
    feed: (token: string): Promise<string | null> =>
      deps.db.inContext(systemContext, async (tx) => {
        if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
        const settings = await remindersRepository.settingsByCalendarToken(tx, token);
        if (!settings) return null;
        const from = new Date(Date.now() - 7 * 86_400_000);
        const rows = await remindersRepository.upcomingOf(tx, settings.userId, from, new Date(Date.now() + 90 * 86_400_000));
        const types = new Map<string, string>();
        for (const r of rows)
          if (!types.has(r.sessionTypeId)) types.set(r.sessionTypeId, (await schedulingRepository.sessionType(tx, r.sessionTypeId))?.name ?? 'Session');
        return calendar(
          'Tend sessions',
          rows.map((r) => ({
            ...event(r, types.get(r.sessionTypeId) ?? 'Session'),
            status: r.status === 'cancelled' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
          })),
        );
      }),
  };
}

export type RemindersService = ReturnType<typeof createRemindersService>;
