import { type Appointment, freeSlots } from '@tend/contracts';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { NotificationsService } from '../notifications';
import { type OrgScope, orgsRepository } from '../orgs';
import { type AppointmentRow, schedulingRepository, type SessionTypeRow, type SettingsRow } from './scheduling.repository';

export const MIN = 60_000;
/** Cancelling or moving less than the practice's window before the start flags the late-cancellation fee; 0 never flags. */
export const isLate = (startsAt: Date, now: number, windowHours: number) => startsAt.getTime() - now < windowHours * 3_600_000;

/** The practice's late-cancellation window in hours (org setting, 24 unless an admin changed it). */
export async function lateWindowHours(scope: OrgScope): Promise<number> {
  const org = await orgsRepository.byId(scope.tx, scope.actor.orgId);
  return org?.lateCancellationHours ?? 24;
}

export const slotTaken = () => new AppError('SCHEDULING.SLOT_TAKEN', 'Someone has just booked this time; pick another');
/** The exclusion constraint decides races: the statement fails with 23P01 and the transaction rolls back. */
export function isOverlap(error: unknown): boolean {
  const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
  return code === '23P01';
}

export const toAppointment = (row: AppointmentRow, type: SessionTypeRow): Appointment => ({
  id: row.id,
  specialist_id: row.specialistUserId,
  client_id: row.clientUserId,
  case_id: row.caseId,
  session_type: { id: type.id, name: type.name, modality: type.modality, duration_minutes: type.durationMinutes },
  starts_at: row.startsAt.toISOString(),
  ends_at: row.endsAt.toISOString(),
  status: row.status,
  late_cancellation: row.lateCancellation,
  late_reschedule: row.lateReschedule,
  series_id: row.seriesId,
  created_at: row.createdAt.toISOString(),
});

/** The specialist's booking settings and one of their active session types, read together. */
export async function bookable(tx: Tx, specialistId: string, sessionTypeId: string): Promise<{ settings: SettingsRow; type: SessionTypeRow }> {
  const found = await schedulingRepository.settingsWithType(tx, specialistId, sessionTypeId);
  if (!found) throw new AppError('SCHEDULING.SPECIALIST_NOT_FOUND', 'No such specialist taking bookings here');
  const { settings, type } = found;
  if (!type || !type.active) throw new AppError('SCHEDULING.SESSION_TYPE_NOT_FOUND', 'No such session type for this specialist');
  return { settings, type };
}

type SlotOptions = { ignoreBookings?: boolean };

/** Free slots; with `ignoreBookings`, the openings of the availability alone. */
export async function slotsFor(scope: OrgScope, settings: SettingsRow, type: SessionTypeRow, from: number, to: number, now: number, options: SlotOptions = {}) {
  const { rules, overrides } = await schedulingRepository.openingHours(scope.tx, settings.userId);
  const pad = (settings.bufferBeforeMinutes + settings.bufferAfterMinutes + type.durationMinutes) * MIN;
  const busy = options.ignoreBookings ? [] : await schedulingRepository.busy(scope.tx, settings.userId, new Date(from - pad), new Date(to + pad));
  const byDate = new Map<string, { start: number; end: number }[]>();
  for (const o of overrides)
    byDate.set(o.date, [
      ...(byDate.get(o.date) ?? []),
      ...(o.startMinute !== null && o.endMinute !== null ? [{ start: o.startMinute, end: o.endMinute }] : []),
    ]);
  return freeSlots({
    timeZone: settings.timezone,
    rules: rules.map((r) => ({ weekday: r.weekday, start: r.startMinute, end: r.endMinute })),
    overrides: [...byDate].map(([date, windows]) => ({ date, windows })),
    busy,
    durationMinutes: type.durationMinutes,
    bufferBeforeMinutes: settings.bufferBeforeMinutes,
    bufferAfterMinutes: settings.bufferAfterMinutes,
    stepMinutes: settings.stepMinutes,
    minNoticeMinutes: settings.minNoticeMinutes,
    horizonDays: settings.horizonDays,
    from,
    to,
    now,
  });
}

/**
 * The booking rules for one start: its timing, then an opening in the specialist's availability. Other
 * bookings are the exclusion constraint's to refuse, when the insert or the move meets it (isOverlap):
 * reading them here first cost a round trip and a booking's busiest statement to learn the same thing.
 */
export async function assertBookable(scope: OrgScope, settings: SettingsRow, type: SessionTypeRow, start: number, now: number) {
  assertTiming(settings, start, now);
  // The grid is anchored to each opening, not to `from`, so asking for exactly [start, end] is enough.
  const end = start + type.durationMinutes * MIN;
  const open = await slotsFor(scope, settings, type, start, end, now, { ignoreBookings: true });
  if (!open.some((s) => s.start === start)) throw new AppError('SCHEDULING.NOT_AVAILABLE', 'The specialist is not available at that time');
}

/** Not past, not inside the specialist's notice, not beyond their horizon. */
export function assertTiming(settings: SettingsRow, start: number, now: number) {
  if (start <= now) throw new AppError('SCHEDULING.IN_PAST', 'That time has passed');
  if (start < now + settings.minNoticeMinutes * MIN)
    throw new AppError('SCHEDULING.TOO_SOON', `Book at least ${Math.round(settings.minNoticeMinutes / 60)} hours ahead`, {
      min_notice_minutes: settings.minNoticeMinutes,
    });
  if (start > now + settings.horizonDays * 86_400_000)
    throw new AppError('SCHEDULING.BEYOND_HORIZON', `Bookings open ${settings.horizonDays} days ahead`, { horizon_days: settings.horizonDays });
}

/** Tells both people of an appointment about a change, in the change's transaction. */
export async function notifyBoth(
  tx: Tx,
  notifications: Pick<NotificationsService, 'notify'>,
  a: AppointmentRow,
  kind: 'session.cancelled' | 'session.rescheduled',
  title: { uk: string; en: string },
  data: Record<string, unknown> = {},
) {
  for (const userId of [a.clientUserId, a.specialistUserId])
    await notifications.notify(tx, { userId, orgId: a.orgId, kind, title, link: `/sessions/${a.id}`, data: { appointment_id: a.id, ...data } });
}
