import { localDate, occurrences, parseRecurrence } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { inActiveOrg } from '../orgs';
import { assertTiming, bookable, isOverlap, MIN, slotsFor, toAppointment } from './booking';
import type { RemindersService } from './reminders.service';
import { type AppointmentRow, schedulingRepository } from './scheduling.repository';
import { type BookInput, clientToBook } from './scheduling.service';

export function createSeriesService(deps: { db: Database; crypto: FieldCrypto; reminders: Pick<RemindersService, 'schedule'> }) {
  return {
    book: (p: Principal, body: BookInput & { rrule: string }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'org_admin'], async (scope) => {
        const { tx, actor } = scope;
        const clientId = await clientToBook(scope, p, body);
        const { settings, type } = await bookable(tx, body.specialist_id, body.session_type_id);
        const rule = parseRecurrence(body.rrule);
        if ('error' in rule) throw new AppError('SCHEDULING.INVALID_RECURRENCE', rule.error, [{ path: 'rrule', message: rule.error }]);
        const first = Date.parse(body.starts_at);
        const now = Date.now();
        assertTiming(settings, first, now);
        const starts = occurrences(rule, first, settings.timezone);
        if (!starts)
          throw new AppError('SCHEDULING.INVALID_RECURRENCE', 'A series has at most 52 occurrences; shorten UNTIL', [
            { path: 'rrule', message: 'Too many occurrences' },
          ]);
        const duration = type.durationMinutes * MIN;
        const range = [first - 86_400_000, (starts.at(-1) as number) + duration + 86_400_000] as const;
        // The first occurrence keeps to the horizon; the later ones of a series may lie past it.
        const wide = { ...settings, horizonDays: Math.ceil((range[1] - now) / 86_400_000) + 1 };
        const free = new Set((await slotsFor(scope, wide, type, ...range, now)).map((s) => s.start));
        const open = new Set((await slotsFor(scope, wide, type, ...range, now, { ignoreBookings: true })).map((s) => s.start));
        const day = (t: number) => localDate(t, settings.timezone);
        const closed = starts.filter((s) => !open.has(s));
        if (closed.length)
          throw new AppError('SCHEDULING.NOT_AVAILABLE', `The specialist is not available on ${closed.map(day).join(', ')}`, { dates: closed.map(day) });
        const taken = starts.filter((s) => !free.has(s));
        const conflict = (dates: string[]) =>
          new AppError('SCHEDULING.SERIES_CONFLICT', `Already booked on ${dates.join(', ')}; nothing was booked`, { conflicting_dates: dates });
        if (taken.length) throw conflict(taken.map(day));

        const seriesId = uuidv7();
        const rrule = body.rrule
          .trim()
          .toUpperCase()
          .replace(/^RRULE:/, '');
        await schedulingRepository.insertSeries(tx, {
          id: seriesId,
          orgId: actor.orgId,
          specialistUserId: body.specialist_id,
          clientUserId: clientId,
          sessionTypeId: type.id,
          rrule,
          timezone: settings.timezone,
          firstStartsAt: new Date(first),
          bookedBy: p.userId,
        });
        const rows = starts.map((start) => ({
          id: uuidv7(),
          orgId: actor.orgId,
          specialistUserId: body.specialist_id,
          clientUserId: clientId,
          caseId: body.case_id ?? null,
          sessionTypeId: type.id,
          seriesId,
          startsAt: new Date(start),
          endsAt: new Date(start + duration),
          blockedFrom: new Date(start - settings.bufferBeforeMinutes * MIN),
          blockedUntil: new Date(start + duration + settings.bufferAfterMinutes * MIN),
          bookedBy: p.userId,
        }));
        try {
          await schedulingRepository.insertAppointments(tx, rows);
        } catch (error) {
          // A booking that landed between our check and the insert: the whole series rolls back.
          if (isOverlap(error)) throw conflict(starts.map(day));
          throw error;
        }
        const booked = (await schedulingRepository.seriesFrom(tx, seriesId, new Date(first))) as AppointmentRow[];
        for (const row of booked) await deps.reminders.schedule(tx, row);
        await recordAudit(tx, actor, {
          action: 'scheduling.book_series',
          resourceType: 'appointment_series',
          resourceId: seriesId,
          subjectUserId: clientId,
          purpose: 'operations',
          details: { rrule, occurrences: booked.length },
        });
        return { id: seriesId, rrule, timezone: settings.timezone, appointments: booked.map((r) => toAppointment(r, type)) };
      }),
  };
}

export type SeriesService = ReturnType<typeof createSeriesService>;
