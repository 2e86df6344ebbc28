import { type Appointment, type AvailabilityBody, freeSlots, localIso, parseClock } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { clientCaseIds } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, orgsRepository } from '../orgs';
import type { RemindersService } from './reminders.service';
import { type AppointmentRow, schedulingRepository, type SessionTypeRow, type SettingsRow } from './scheduling.repository';

const MIN = 60_000;
/** Cancelling less than this before the start flags the late-cancellation fee (ADR 0012). */
export const LATE_CANCELLATION_HOURS = 24;
const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function createSchedulingService(deps: { db: Database; crypto: FieldCrypto; reminders: Pick<RemindersService, 'schedule'> }) {
  async function bookable(scope: OrgScope, specialistId: string, sessionTypeId: string): Promise<{ settings: SettingsRow; type: SessionTypeRow }> {
    const settings = await schedulingRepository.settings(scope.tx, specialistId);
    if (!settings) throw new AppError('SCHEDULING.SPECIALIST_NOT_FOUND', 'No such specialist taking bookings here');
    const type = await schedulingRepository.sessionType(scope.tx, sessionTypeId);
    if (!type || !type.active || type.specialistUserId !== specialistId)
      throw new AppError('SCHEDULING.SESSION_TYPE_NOT_FOUND', 'No such session type for this specialist');
    return { settings, type };
  }

  async function slotsFor(scope: OrgScope, settings: SettingsRow, type: SessionTypeRow, from: number, to: number, now: number, ignoreBookings = false) {
    const [rules, overrides] = await Promise.all([
      schedulingRepository.rules(scope.tx, settings.userId),
      schedulingRepository.overrides(scope.tx, settings.userId),
    ]);
    const pad = (settings.bufferBeforeMinutes + settings.bufferAfterMinutes + type.durationMinutes) * MIN;
    const busy = ignoreBookings ? [] : await schedulingRepository.busy(scope.tx, settings.userId, new Date(from - pad), new Date(to + pad));
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

  const toAppointment = (row: AppointmentRow, type: SessionTypeRow): Appointment => ({
    id: row.id,
    specialist_id: row.specialistUserId,
    client_id: row.clientUserId,
    case_id: row.caseId,
    session_type: { id: type.id, name: type.name, modality: type.modality, duration_minutes: type.durationMinutes },
    starts_at: row.startsAt.toISOString(),
    ends_at: row.endsAt.toISOString(),
    status: row.status,
    late_cancellation: row.lateCancellation,
    created_at: row.createdAt.toISOString(),
  });

  return {
    getAvailability: (p: Principal, specialistId: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async ({ tx }) => {
        const settings = await schedulingRepository.settings(tx, specialistId);
        if (!settings) throw new AppError('SCHEDULING.SPECIALIST_NOT_FOUND', 'This specialist has not set availability');
        const [rules, overrides] = await Promise.all([schedulingRepository.rules(tx, specialistId), schedulingRepository.overrides(tx, specialistId)]);
        const days = new Map<string, { start: string; end: string }[]>();
        for (const o of overrides)
          days.set(o.date, [
            ...(days.get(o.date) ?? []),
            ...(o.startMinute !== null && o.endMinute !== null ? [{ start: clock(o.startMinute), end: clock(o.endMinute) }] : []),
          ]);
        return {
          specialist_id: specialistId,
          timezone: settings.timezone,
          buffer_before_minutes: settings.bufferBeforeMinutes,
          buffer_after_minutes: settings.bufferAfterMinutes,
          min_notice_minutes: settings.minNoticeMinutes,
          horizon_days: settings.horizonDays,
          step_minutes: settings.stepMinutes,
          rules: rules.map((r) => ({ weekday: r.weekday, start: clock(r.startMinute), end: clock(r.endMinute) })),
          overrides: [...days].map(([date, windows]) => ({ date, windows })),
        };
      }),

    setAvailability: (p: Principal, body: AvailabilityBody, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['specialist'], async ({ tx, actor }) => {
        await schedulingRepository.upsertSettings(tx, {
          userId: p.userId,
          orgId: actor.orgId,
          timezone: body.timezone,
          bufferBeforeMinutes: body.buffer_before_minutes,
          bufferAfterMinutes: body.buffer_after_minutes,
          minNoticeMinutes: body.min_notice_minutes,
          horizonDays: body.horizon_days,
          stepMinutes: body.step_minutes,
        });
        const base = { orgId: actor.orgId, specialistUserId: p.userId };
        await schedulingRepository.replaceAvailability(
          tx,
          p.userId,
          body.rules.map((r) => ({ ...base, id: uuidv7(), weekday: r.weekday, startMinute: parseClock(r.start), endMinute: parseClock(r.end) })),
          body.overrides.flatMap(
            (o): { id: string; orgId: string; specialistUserId: string; date: string; startMinute: number | null; endMinute: number | null }[] =>
              o.windows.length
                ? o.windows.map((w) => ({ ...base, id: uuidv7(), date: o.date, startMinute: parseClock(w.start), endMinute: parseClock(w.end) }))
                : [{ ...base, id: uuidv7(), date: o.date, startMinute: null, endMinute: null }],
          ),
        );
        await recordAudit(tx, actor, { action: 'scheduling.availability_set', resourceType: 'availability', resourceId: p.userId, purpose: 'operations' });
        return { ok: true as const };
      }),

    createSessionType: (
      p: Principal,
      body: { name: string; duration_minutes: number; price_minor: number; currency: string; modality: SessionTypeRow['modality'] },
      meta: RequestMeta,
    ) =>
      inActiveOrg(deps, p, meta, ['specialist'], async ({ tx, actor }) => {
        const id = uuidv7();
        await schedulingRepository.insertSessionType(tx, {
          id,
          orgId: actor.orgId,
          specialistUserId: p.userId,
          name: body.name,
          durationMinutes: body.duration_minutes,
          priceMinor: body.price_minor,
          currency: body.currency,
          modality: body.modality,
        });
        await recordAudit(tx, actor, { action: 'scheduling.session_type_create', resourceType: 'session_type', resourceId: id, purpose: 'operations' });
        const row = (await schedulingRepository.sessionType(tx, id)) as SessionTypeRow;
        return {
          id,
          specialist_id: p.userId,
          name: row.name,
          duration_minutes: row.durationMinutes,
          price_minor: row.priceMinor,
          currency: row.currency,
          modality: row.modality,
          active: row.active,
        };
      }),

    sessionTypes: (p: Principal, specialistId: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async ({ tx }) =>
        (await schedulingRepository.sessionTypes(tx, specialistId)).map((r) => ({
          id: r.id,
          specialist_id: r.specialistUserId,
          name: r.name,
          duration_minutes: r.durationMinutes,
          price_minor: r.priceMinor,
          currency: r.currency,
          modality: r.modality,
          active: r.active,
        })),
      ),

    slots: (p: Principal, q: { specialist_id: string; session_type_id: string; from: string; to: string; timezone?: string | undefined }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { settings, type } = await bookable(scope, q.specialist_id, q.session_type_id);
        const zone = q.timezone ?? settings.timezone;
        const slots = await slotsFor(scope, settings, type, Date.parse(q.from), Date.parse(q.to), Date.now());
        return slots.map((s) => ({
          start: new Date(s.start).toISOString(),
          end: new Date(s.end).toISOString(),
          local_start: localIso(s.start, zone),
          timezone: zone,
        }));
      }),

    book: (
      p: Principal,
      body: { specialist_id: string; session_type_id: string; starts_at: string; client_user_id?: string | undefined; case_id?: string | undefined },
      meta: RequestMeta,
    ): Promise<Appointment> =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'org_admin'], async (scope) => {
        const { tx, actor, role } = scope;
        const clientId = role === 'client' ? p.userId : body.client_user_id;
        if (!clientId) throw new AppError('REQUEST.VALIDATION', 'Name the client', [{ path: 'client_user_id', message: 'Required when staff book' }]);
        if (role === 'client' && body.client_user_id && body.client_user_id !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'Clients book for themselves');
        if (role === 'specialist' && body.specialist_id !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'A specialist books into their own calendar');
        if (role !== 'client' && (await orgsRepository.roleOf(tx, actor.orgId, clientId)) !== 'client')
          throw new AppError('SCHEDULING.SPECIALIST_NOT_FOUND', 'No such client in this practice');
        const { settings, type } = await bookable(scope, body.specialist_id, body.session_type_id);
        if (body.case_id && !(await clientCaseIds(tx, actor.orgId, clientId)).some((c) => c.id === body.case_id))
          throw new AppError('CASE.NOT_FOUND', 'No such case for this client');
        const start = Date.parse(body.starts_at);
        const now = Date.now();
        if (start <= now) throw new AppError('SCHEDULING.IN_PAST', 'That time has passed');
        if (start < now + settings.minNoticeMinutes * MIN)
          throw new AppError('SCHEDULING.TOO_SOON', `Book at least ${Math.round(settings.minNoticeMinutes / 60)} hours ahead`, {
            min_notice_minutes: settings.minNoticeMinutes,
          });
        if (start > now + settings.horizonDays * 86_400_000)
          throw new AppError('SCHEDULING.BEYOND_HORIZON', `Bookings open ${settings.horizonDays} days ahead`, { horizon_days: settings.horizonDays });
        const end = start + type.durationMinutes * MIN;
        const free = await slotsFor(scope, settings, type, start - 86_400_000, end + 86_400_000, now);
        if (!free.some((s) => s.start === start)) {
          const open = await slotsFor(scope, settings, type, start - 86_400_000, end + 86_400_000, now, true);
          if (open.some((s) => s.start === start)) throw new AppError('SCHEDULING.SLOT_TAKEN', 'Someone has just booked this time; pick another');
          throw new AppError('SCHEDULING.NOT_AVAILABLE', 'The specialist is not available at that time');
        }
        const id = uuidv7();
        try {
          await schedulingRepository.insertAppointment(tx, {
            id,
            orgId: actor.orgId,
            specialistUserId: body.specialist_id,
            clientUserId: clientId,
            caseId: body.case_id ?? null,
            sessionTypeId: type.id,
            startsAt: new Date(start),
            endsAt: new Date(end),
            blockedFrom: new Date(start - settings.bufferBeforeMinutes * MIN),
            blockedUntil: new Date(end + settings.bufferAfterMinutes * MIN),
            bookedBy: p.userId,
          });
        } catch (error) {
          // The exclusion constraint decides races: the transaction is aborted and rolls back.
          const code = (error as { code?: string; cause?: { code?: string } }).cause?.code ?? (error as { code?: string }).code;
          if (code === '23P01') throw new AppError('SCHEDULING.SLOT_TAKEN', 'Someone has just booked this time; pick another');
          throw error;
        }
        const row = (await schedulingRepository.appointment(tx, id)) as AppointmentRow;
        await deps.reminders.schedule(tx, row);
        await recordAudit(tx, actor, {
          action: 'scheduling.book',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: clientId,
          purpose: 'operations',
        });
        return toAppointment(row, type);
      }),

    mine: (p: Principal, from: string, to: string, meta: RequestMeta): Promise<Appointment[]> =>
      inActiveOrg(deps, p, meta, null, async ({ tx }) => {
        const rows = await schedulingRepository.mine(tx, new Date(from), new Date(to));
        const types = new Map<string, SessionTypeRow>();
        for (const r of rows)
          if (!types.has(r.sessionTypeId)) types.set(r.sessionTypeId, (await schedulingRepository.sessionType(tx, r.sessionTypeId)) as SessionTypeRow);
        return rows.map((r) => toAppointment(r, types.get(r.sessionTypeId) as SessionTypeRow));
      }),

    cancel: (p: Principal, id: string, meta: RequestMeta): Promise<Appointment> =>
      inActiveOrg(deps, p, meta, null, async ({ tx, actor }) => {
        const row = await schedulingRepository.appointment(tx, id, true);
        if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such appointment');
        if (row.status !== 'scheduled') throw new AppError('SCHEDULING.NOT_CANCELLABLE', `A ${row.status} appointment cannot be cancelled`);
        const late = row.startsAt.getTime() - Date.now() < LATE_CANCELLATION_HOURS * 3_600_000;
        await schedulingRepository.updateAppointment(tx, id, { status: 'cancelled', cancelledAt: new Date(), cancelledBy: p.userId, lateCancellation: late });
        await recordAudit(tx, actor, {
          action: 'scheduling.cancel',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'operations',
          details: { late },
        });
        const type = (await schedulingRepository.sessionType(tx, row.sessionTypeId)) as SessionTypeRow;
        return toAppointment((await schedulingRepository.appointment(tx, id)) as AppointmentRow, type);
      }),
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
