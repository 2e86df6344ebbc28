import { type Appointment, type AvailabilityBody, localIso, parseClock } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { careTeamOf, clientCaseIds } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, orgsRepository, userNames } from '../orgs';
import { assertBookable, bookable, isOverlap, MIN, slotsFor, slotTaken, toAppointment } from './booking';
import type { RemindersService } from './reminders.service';
import { type AppointmentRow, schedulingRepository, type SessionTypeRow } from './scheduling.repository';

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export type BookInput = {
  specialist_id: string;
  session_type_id: string;
  starts_at: string;
  client_user_id?: string | undefined;
  case_id?: string | undefined;
};

/** Who is booked, checked against the caller's role: a client books for themselves, staff for a client of the practice. */
export async function clientToBook(scope: OrgScope, p: Principal, body: Omit<BookInput, 'starts_at' | 'session_type_id'>): Promise<string> {
  const { tx, actor, role } = scope;
  const clientId = role === 'client' ? p.userId : body.client_user_id;
  if (!clientId) throw new AppError('REQUEST.VALIDATION', 'Name the client', [{ path: 'client_user_id', message: 'Required when staff book' }]);
  if (role === 'client' && body.client_user_id && body.client_user_id !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'Clients book for themselves');
  if (role === 'specialist' && body.specialist_id !== p.userId) throw new AppError('AUTH.FORBIDDEN', 'A specialist books into their own calendar');
  if (role !== 'client' && (await orgsRepository.roleOf(tx, actor.orgId, clientId)) !== 'client')
    throw new AppError('SCHEDULING.SPECIALIST_NOT_FOUND', 'No such client in this practice');
  if (body.case_id && !(await clientCaseIds(tx, actor.orgId, clientId)).some((c) => c.id === body.case_id))
    throw new AppError('CASE.NOT_FOUND', 'No such case for this client');
  return clientId;
}

export function createSchedulingService(deps: { db: Database; crypto: FieldCrypto; reminders: Pick<RemindersService, 'schedule'> }) {
  /** The booking itself, inside a caller's transaction (the waitlist accepts an offer through it). */
  async function bookIn(scope: OrgScope, p: Principal, body: BookInput): Promise<Appointment> {
    const { tx, actor } = scope;
    const clientId = await clientToBook(scope, p, body);
    const { settings, type } = await bookable(tx, body.specialist_id, body.session_type_id);
    const start = Date.parse(body.starts_at);
    await assertBookable(scope, settings, type, start, Date.now());
    const end = start + type.durationMinutes * MIN;
    const id = uuidv7();
    let row: AppointmentRow;
    try {
      row = await schedulingRepository.insertAppointment(tx, {
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
      if (isOverlap(error)) throw slotTaken();
      throw error;
    }
    await deps.reminders.schedule(tx, row);
    await recordAudit(tx, actor, { action: 'scheduling.book', resourceType: 'appointment', resourceId: id, subjectUserId: clientId, purpose: 'operations' });
    return toAppointment(row, type);
  }

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
        const names = await userNames(tx, deps.crypto, [specialistId]);
        return {
          specialist_id: specialistId,
          specialist_name: names.get(specialistId) ?? '',
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
        const { settings, type } = await bookable(scope.tx, q.specialist_id, q.session_type_id);
        const zone = q.timezone ?? settings.timezone;
        const slots = await slotsFor(scope, settings, type, Date.parse(q.from), Date.parse(q.to), Date.now());
        return slots.map((s) => ({
          start: new Date(s.start).toISOString(),
          end: new Date(s.end).toISOString(),
          local_start: localIso(s.start, zone),
          timezone: zone,
        }));
      }),

    bookIn,
    book: (p: Principal, body: BookInput, meta: RequestMeta): Promise<Appointment> =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'org_admin'], (scope) => bookIn(scope, p, body)),

    /** `POST /api/v1/sessions`: staff book for a client; a specialist only for a client whose care team they are on. */
    bookSession: (p: Principal, body: BookInput & { client_user_id: string }, meta: RequestMeta): Promise<Appointment> =>
      inActiveOrg(deps, p, meta, ['specialist', 'org_admin'], async (scope) => {
        if (scope.role === 'specialist' && !(await careTeamOf(scope.tx, scope.actor.orgId, body.client_user_id)).includes(p.userId))
          throw new AppError('SCHEDULING.CLIENT_NOT_IN_CASELOAD', 'This client is not in your caseload');
        return bookIn(scope, p, body);
      }),

    mine: (p: Principal, from: string, to: string, meta: RequestMeta): Promise<Appointment[]> =>
      inActiveOrg(deps, p, meta, null, async ({ tx }) => {
        const rows = await schedulingRepository.mine(tx, new Date(from), new Date(to));
        const types = new Map<string, SessionTypeRow>();
        for (const r of rows)
          if (!types.has(r.sessionTypeId)) types.set(r.sessionTypeId, (await schedulingRepository.sessionType(tx, r.sessionTypeId)) as SessionTypeRow);
        const names = await userNames(
          tx,
          deps.crypto,
          rows.flatMap((r) => [r.clientUserId, r.specialistUserId]),
        );
        return rows.map((r) => ({
          ...toAppointment(r, types.get(r.sessionTypeId) as SessionTypeRow),
          client_name: names.get(r.clientUserId) ?? '',
          specialist_name: names.get(r.specialistUserId) ?? '',
        }));
      }),
  };
}

export type SchedulingService = ReturnType<typeof createSchedulingService>;
