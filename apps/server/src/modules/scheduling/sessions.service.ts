import type { WaitingRoom } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { UserEmitter } from '../../platform/realtime/relay';
import { recordCompletedSession } from '../cases';
import { consent, type ConsentReason } from '../consent';
import type { RequestMeta } from '../identity';
import type { NotificationsService } from '../notifications';
import { inActiveOrg, type OrgScope } from '../orgs';
import { type AppointmentRow, schedulingRepository, sessionsRepository } from './scheduling.repository';

const MIN = 60_000;
/** The waiting room opens this long before the start. */
export const WAITING_ROOM_OPENS_MINUTES = 15;

/** Whether any licence covers where the client is: an exact match, or a country licence for one of its regions. */
export function licensedFor(licences: string[], location: string): boolean {
  const country = location.split('-')[0];
  return licences.some((l) => l === location || l === country);
}

/** A standing consent's answer as the waiting room shows it (recipient and scope belong to data sharing only). */
function standingConsentState(reason: ConsentReason): WaitingRoom['telehealth_consent'] {
  return reason === 'granted' || reason === 'revoked' || reason === 'expired' ? reason : 'no_grant';
}

/** A session's life: the client waits (saying where they are), the specialist admits, then ends it. */
export function createSessionsService(deps: {
  db: Database;
  crypto: FieldCrypto;
  relay: UserEmitter;
  notifications?: Pick<NotificationsService, 'notify'>;
  /** After an end commits: the video side closes (LiveKit room, running recording). */
  onEnded?: (session: { orgId: string; sessionId: string }) => Promise<void>;
}) {
  async function appointmentFor(scope: OrgScope, id: string, lock = false): Promise<AppointmentRow> {
    const row = await schedulingRepository.appointment(scope.tx, id, lock);
    if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
    return row;
  }
  const specialistOnly = (row: AppointmentRow, p: Principal) => {
    if (row.specialistUserId !== p.userId) throw new AppError('SESSION.NOT_ALLOWED', 'Only the session’s specialist does this');
  };

  return {
    setLicences: (p: Principal, items: { jurisdiction: string; licence_number?: string | undefined }[], meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['specialist'], async ({ tx, actor }) => {
        await sessionsRepository.replaceLicences(
          tx,
          actor.orgId,
          p.userId,
          items.map((i) => ({ id: uuidv7(), jurisdiction: i.jurisdiction, licenceNumber: i.licence_number ?? null })),
        );
        await recordAudit(tx, actor, { action: 'scheduling.licences_set', resourceType: 'licence', resourceId: p.userId, purpose: 'operations' });
        return { ok: true as const };
      }),

    /** The client arrives: confirms where they are now; the specialist is told, with a warning when unlicensed there. */
    join: async (p: Principal, id: string, body: { location: string; device_check?: Record<string, unknown> | undefined }, meta: RequestMeta) => {
      const result = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await appointmentFor(scope, id, true);
        if (row.clientUserId !== p.userId) throw new AppError('SESSION.NOT_ALLOWED', 'Only the client of this session waits in its waiting room');
        const now = Date.now();
        if (row.status !== 'scheduled' && row.status !== 'in_progress') throw new AppError('SESSION.NOT_OPEN', `This session is ${row.status}`);
        if (now < row.startsAt.getTime() - WAITING_ROOM_OPENS_MINUTES * MIN)
          throw new AppError('SESSION.NOT_OPEN', `The waiting room opens ${WAITING_ROOM_OPENS_MINUTES} minutes before the start`);
        if (now > row.endsAt.getTime()) throw new AppError('SESSION.NOT_OPEN', 'This session has ended');
        const licences = (await sessionsRepository.licencesOf(scope.tx, row.specialistUserId)).map((l) => l.jurisdiction);
        const warning = !licensedFor(licences, body.location);
        await sessionsRepository.upsertPresence(scope.tx, {
          appointmentId: id,
          orgId: row.orgId,
          clientLocation: body.location,
          licenceWarning: warning,
          deviceCheck: body.device_check ? JSON.stringify(body.device_check) : null,
        });
        await recordAudit(scope.tx, scope.actor, {
          action: 'session.join',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'treatment',
          details: { location: body.location, licence_warning: warning },
        });
        return { specialist: row.specialistUserId, warning, status: row.status };
      });
      deps.relay.emitToUser(result.specialist, 'session.waiting', { session_id: id, client_location: body.location, licence_warning: result.warning });
      return { session_id: id, status: result.status === 'in_progress' ? ('admitted' as const) : ('waiting' as const) };
    },

    waitingRoom: (p: Principal, id: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await appointmentFor(scope, id);
        specialistOnly(row, p);
        const presence = await sessionsRepository.presence(scope.tx, id);
        // The one consent check, as every module asks it; a call without this consent is the specialist's call.
        const telehealth = await consent.check(scope.tx, { orgId: row.orgId, clientUserId: row.clientUserId, actorUserId: p.userId, kind: 'telehealth' });
        return {
          session_id: id,
          status: row.status,
          waiting: Boolean(presence && !presence.admittedAt),
          client_location: presence?.clientLocation ?? null,
          licence_warning: presence?.licenceWarning ?? false,
          telehealth_consent: standingConsentState(telehealth.reason),
          device_check: presence?.deviceCheck ? (JSON.parse(presence.deviceCheck) as Record<string, unknown>) : null,
          joined_at: presence?.joinedAt.toISOString() ?? null,
        };
      }),

    admit: async (p: Principal, id: string, meta: RequestMeta) => {
      const client = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await appointmentFor(scope, id, true);
        specialistOnly(row, p);
        const presence = await sessionsRepository.presence(scope.tx, id);
        if (!presence || presence.admittedAt) throw new AppError('SESSION.NOBODY_WAITING', 'Nobody is waiting');
        if (row.status !== 'scheduled') throw new AppError('SESSION.NOT_OPEN', `This session is ${row.status}`);
        const now = new Date();
        await schedulingRepository.updateAppointment(scope.tx, id, { status: 'in_progress' });
        await sessionsRepository.updatePresence(scope.tx, id, { admittedAt: now, admittedBy: p.userId, startedAt: now });
        await recordAudit(scope.tx, scope.actor, {
          action: 'session.admit',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
          details: { licence_warning: presence.licenceWarning },
        });
        return row.clientUserId;
      });
      deps.relay.emitToUser(client, 'session.admitted', { session_id: id });
      return { session_id: id, status: 'in_progress' as const };
    },

    end: async (p: Principal, id: string, meta: RequestMeta) => {
      const ended = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await appointmentFor(scope, id, true);
        specialistOnly(row, p);
        if (row.status !== 'in_progress') throw new AppError('SESSION.NOT_OPEN', `This session is ${row.status}`);
        const now = new Date();
        await schedulingRepository.updateAppointment(scope.tx, id, { status: 'completed' });
        await sessionsRepository.updatePresence(scope.tx, id, { endedAt: now });
        if (row.caseId) await recordCompletedSession(scope.tx, row.caseId, now);
        // The client is asked for short feedback (ADR 0019), in the same transaction as the end.
        await deps.notifications?.notify(scope.tx, {
          userId: row.clientUserId,
          orgId: row.orgId,
          kind: 'session.feedback_requested',
          title: { en: 'How was today’s session? Three short questions', uk: 'Як пройшла сьогоднішня сесія? Три короткі запитання' },
          link: `/sessions/${id}/feedback`,
          data: { appointment_id: id },
          channels: [],
        });
        await recordAudit(scope.tx, scope.actor, {
          action: 'session.end',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
        });
        return row;
      });
      deps.relay.emitToUser(ended.clientUserId, 'session.ended', { session_id: id });
      // Not awaited: a slow video service must not hold up the end (the listener reports its own failures).
      void deps.onEnded?.({ orgId: ended.orgId, sessionId: id });
      // What the specialist does next: the note on the case, and the same slot next week offered for booking.
      return {
        session_id: id,
        status: 'completed' as const,
        case_id: ended.caseId,
        next_week: { starts_at: new Date(ended.startsAt.getTime() + 7 * 86_400_000).toISOString(), session_type_id: ended.sessionTypeId },
      };
    },

    noShow: (p: Principal, id: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await appointmentFor(scope, id, true);
        specialistOnly(row, p);
        if (row.status !== 'scheduled' || Date.now() < row.startsAt.getTime())
          throw new AppError('SESSION.NOT_OPEN', 'Only a scheduled session that has started can be marked as missed');
        await schedulingRepository.updateAppointment(scope.tx, id, { status: 'no_show' });
        await recordAudit(scope.tx, scope.actor, {
          action: 'session.no_show',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'operations',
        });
        return { session_id: id, status: 'no_show' as const };
      }),
  };
}

export type SessionsService = ReturnType<typeof createSessionsService>;
