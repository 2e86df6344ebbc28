import { localIso, sameTimeNextWeek } from '@tend/contracts';
import type { OrgScope } from '../orgs';
import { bookable, slotsFor } from './booking';
import type { AppointmentRow } from './scheduling.repository';

/**
 * The same weekday and local time one week after a session, in the specialist's own zone (so it stays
 * 10:00 across a clock change), and whether it is still a free slot for the same session type.
 */
export async function nextWeekSlot(scope: OrgScope, session: AppointmentRow, now = Date.now()) {
  const { settings, type } = await bookable(scope.tx, session.specialistUserId, session.sessionTypeId).catch(() => ({ settings: null, type: null }));
  const zone = settings?.timezone ?? 'UTC';
  const start = sameTimeNextWeek(session.startsAt.getTime(), zone);
  const free =
    settings && type ? (await slotsFor(scope, settings, type, start, start + type.durationMinutes * 60_000, now)).some((s) => s.start === start) : false;
  return { starts_at: new Date(start).toISOString(), local_start: localIso(start, zone), timezone: zone, session_type_id: session.sessionTypeId, free };
}
