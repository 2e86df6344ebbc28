import type { Appointment } from '@tend/contracts';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import type { NotificationsService } from '../notifications';
import { inActiveOrg, type OrgScope } from '../orgs';
import { assertBookable, bookable, isLate, isOverlap, lateWindowHours, MIN, notifyBoth, slotTaken, toAppointment } from './booking';
import type { RemindersService } from './reminders.service';
import { type AppointmentRow, schedulingRepository, type SessionTypeRow } from './scheduling.repository';

export type ChangesDeps = {
  db: Database;
  crypto: FieldCrypto;
  notifications: Pick<NotificationsService, 'notify'>;
  reminders: Pick<RemindersService, 'schedule'>;
  /** Called in the change's transaction with the time a cancellation or a move freed. */
  onFreed?: (tx: Tx, freed: AppointmentRow) => Promise<void>;
};

/** Cancelling and moving booked appointments, one occurrence or the rest of a series. */
export function createChangesService(deps: ChangesDeps) {
  const dto = async (tx: Tx, id: string) => {
    const row = (await schedulingRepository.appointment(tx, id)) as AppointmentRow;
    return toAppointment(row, (await schedulingRepository.sessionType(tx, row.sessionTypeId)) as SessionTypeRow);
  };

  async function cancelOne(scope: OrgScope, p: Principal, row: AppointmentRow, now: number, windowHours: number, reason: string | undefined) {
    const late = isLate(row.startsAt, now, windowHours);
    await schedulingRepository.updateAppointment(scope.tx, row.id, {
      status: 'cancelled',
      cancelledAt: new Date(now),
      cancelledBy: p.userId,
      lateCancellation: late,
    });
    await recordAudit(scope.tx, scope.actor, {
      action: 'scheduling.cancel',
      resourceType: 'appointment',
      resourceId: row.id,
      subjectUserId: row.clientUserId,
      purpose: 'operations',
      details: { late, series_id: row.seriesId, with_reason: Boolean(reason) },
    });
    await notifyBoth(
      scope.tx,
      deps.notifications,
      row,
      'session.cancelled',
      { uk: 'Сесію скасовано', en: 'A session was cancelled' },
      {
        starts_at: row.startsAt.toISOString(),
      },
    );
    await deps.onFreed?.(scope.tx, row);
  }

  return {
    cancel: (p: Principal, id: string, body: { reason?: string | undefined; scope: 'occurrence' | 'following' }, meta: RequestMeta): Promise<Appointment> =>
      // Supervisors read appointments but may not change them (the update policy would silently match nothing).
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'org_admin'], async (scope) => {
        const row = await schedulingRepository.appointment(scope.tx, id, true);
        if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such appointment');
        if (row.status !== 'scheduled') throw new AppError('SCHEDULING.NOT_CANCELLABLE', `A ${row.status} appointment cannot be cancelled`);
        const now = Date.now();
        const windowHours = await lateWindowHours(scope);
        await cancelOne(scope, p, row, now, windowHours, body.reason);
        if (body.scope === 'following' && row.seriesId)
          for (const later of await schedulingRepository.seriesFrom(scope.tx, row.seriesId, row.startsAt))
            if (later.id !== row.id && later.status === 'scheduled') await cancelOne(scope, p, later, now, windowHours, body.reason);
        return dto(scope.tx, id);
      }),

    /** Moves one appointment (or one occurrence of a series) to another free start, with the booking rules. */
    reschedule: (p: Principal, id: string, startsAt: string, meta: RequestMeta): Promise<Appointment> =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'org_admin'], async (scope) => {
        const { tx, actor } = scope;
        const row = await schedulingRepository.appointment(tx, id, true);
        if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such appointment');
        if (row.status !== 'scheduled') throw new AppError('SCHEDULING.NOT_RESCHEDULABLE', `A ${row.status} appointment cannot be moved`);
        const { settings, type } = await bookable(tx, row.specialistUserId, row.sessionTypeId);
        const now = Date.now();
        const start = Date.parse(startsAt);
        if (start === row.startsAt.getTime()) throw new AppError('SCHEDULING.NOT_RESCHEDULABLE', 'The appointment is already at that time');
        await assertBookable(scope, settings, type, start, now);
        const end = start + type.durationMinutes * MIN;
        const late = row.lateReschedule || isLate(row.startsAt, now, await lateWindowHours(scope));
        try {
          await schedulingRepository.updateAppointment(tx, id, {
            startsAt: new Date(start),
            endsAt: new Date(end),
            blockedFrom: new Date(start - settings.bufferBeforeMinutes * MIN),
            blockedUntil: new Date(end + settings.bufferAfterMinutes * MIN),
            lateReschedule: late,
            rescheduledAt: new Date(now),
          });
        } catch (error) {
          if (isOverlap(error)) throw slotTaken();
          throw error;
        }
        const moved = (await schedulingRepository.appointment(tx, id)) as AppointmentRow;
        // The old reminders carry the old start and skip themselves; these carry the new one.
        await deps.reminders.schedule(tx, moved);
        await recordAudit(tx, actor, {
          action: 'scheduling.reschedule',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'operations',
          details: { from: row.startsAt.toISOString(), to: moved.startsAt.toISOString(), late, series_id: row.seriesId },
        });
        await notifyBoth(
          tx,
          deps.notifications,
          moved,
          'session.rescheduled',
          { uk: 'Сесію перенесено', en: 'A session was moved' },
          {
            from: row.startsAt.toISOString(),
            starts_at: moved.startsAt.toISOString(),
          },
        );
        await deps.onFreed?.(tx, row);
        return toAppointment(moved, type);
      }),
  };
}

export type ChangesService = ReturnType<typeof createChangesService>;
