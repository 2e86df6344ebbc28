import { type IceServer, type LiveKitJoinInfo, type SessionRoom, type SessionVideo, sessionSignal, sessionTool } from '@tend/contracts';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { UserEmitter } from '../../platform/realtime/relay';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, userNames } from '../orgs';
import { type AppointmentRow, schedulingRepository, sessionsRepository } from './scheduling.repository';

export type SessionRoomDeps = {
  db: Database;
  crypto: FieldCrypto;
  relay: UserEmitter;
  iceServers: IceServer[];
  /** LiveKit's join info (ADR 0017) when it is configured; otherwise the built-in call. */
  liveKit: ((p: Principal, id: string, meta: RequestMeta) => Promise<LiveKitJoinInfo>) | null;
};

type Participant = { row: AppointmentRow; role: 'specialist' | 'client'; other: string };

/** The session's row and which of its two people is asking; anyone else is refused. */
async function participantOf(scope: OrgScope, p: Principal, id: string): Promise<Participant> {
  const row = await schedulingRepository.appointment(scope.tx, id);
  if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
  if (row.specialistUserId === p.userId) return { row, role: 'specialist', other: row.clientUserId };
  if (row.clientUserId === p.userId) return { row, role: 'client', other: row.specialistUserId };
  throw new AppError('SESSION.NOT_ALLOWED', 'Only the specialist and the client of this session are in its room');
}

function parsed<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { message: string }[] } } },
  payload: unknown,
): T {
  const result = schema.safeParse(payload);
  if (!result.success) throw new AppError('REQUEST.VALIDATION', result.error.issues[0]?.message ?? 'Invalid message');
  return result.data;
}

/**
 * The live room of a session: what each of its two people sees, the built-in video's ICE servers, and the
 * socket events between them — WebRTC signalling and the in-session tools. Nothing of a call's content is
 * stored; each event is checked against the session (in progress, client admitted) and sent to the other person only.
 */
export function createSessionRoomService(deps: SessionRoomDeps) {
  const inArrivalOrder = arrivalOrder();
  const socketMeta = (p: Principal) => ({ requestId: `session-${p.userId}`, ip: '', userAgent: null });

  /** The other person of an in-progress session whose client was admitted; refuses everyone else. */
  const liveCounterpart = (p: Principal, sessionId: string) =>
    inActiveOrg(deps, p, socketMeta(p), null, async (scope) => {
      const { row, role, other } = await participantOf(scope, p, sessionId);
      const presence = await sessionsRepository.presence(scope.tx, sessionId);
      if (row.status !== 'in_progress' || !presence?.admittedAt) throw new AppError('SESSION.NOT_OPEN', 'The session is not in progress');
      return { role, other };
    });

  return {
    room: (p: Principal, id: string, meta: RequestMeta): Promise<SessionRoom> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { row, role, other } = await participantOf(scope, p, id);
        const presence = await sessionsRepository.presence(scope.tx, id);
        const names = await userNames(scope.tx, deps.crypto, [other]);
        await recordAudit(scope.tx, scope.actor, {
          action: 'session.room_view',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
        });
        return {
          session_id: id,
          role,
          status: row.status as SessionRoom['status'],
          admitted: Boolean(presence?.admittedAt),
          case_id: row.caseId,
          starts_at: row.startsAt.toISOString(),
          ends_at: row.endsAt.toISOString(),
          other: { id: other, name: names.get(other) ?? '' },
        };
      }),

    video: (p: Principal, id: string, meta: RequestMeta): Promise<SessionVideo> =>
      deps.liveKit
        ? deps.liveKit(p, id, meta)
        : inActiveOrg(deps, p, meta, null, async (scope) => {
            await participantOf(scope, p, id);
            return { provider: 'builtin' as const, ice_servers: deps.iceServers };
          }),

    /** `session.signal`: an offer, answer or ICE candidate, forwarded as it is to the other person. */
    async signal(p: Principal, payload: unknown): Promise<void> {
      const message = parsed(sessionSignal, payload);
      await inArrivalOrder(`${p.userId}:${message.session_id}`, async () => {
        const { other } = await liveCounterpart(p, message.session_id);
        deps.relay.emitToUser(other, 'session.signal', { ...message, from: p.userId });
      });
    },

    /** `session.tool`: the specialist starts or stops the breathing guide; either person moves the shared scale. */
    async tool(p: Principal, payload: unknown): Promise<void> {
      const message = parsed(sessionTool, payload);
      await inArrivalOrder(`${p.userId}:${message.session_id}`, async () => {
        const { role, other } = await liveCounterpart(p, message.session_id);
        if (message.tool === 'breathing' && role !== 'specialist') throw new AppError('SESSION.NOT_ALLOWED', 'Only the specialist starts an exercise');
        deps.relay.emitToUser(other, 'session.tool', { ...message, from: p.userId });
      });
    },
  };
}

export type SessionRoomService = ReturnType<typeof createSessionRoomService>;

/**
 * Runs each key's tasks one after another, in the order they were handed in. A person's socket events
 * arrive in order, but each waits on its own database check and those finish in any order: an ICE
 * candidate must not overtake its offer, nor a scale at 4 overtake the 3 before it. A failed task
 * rejects for its caller only; the next one still runs.
 */
function arrivalOrder() {
  const queues = new Map<string, Promise<void>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (queues.get(key) ?? Promise.resolve()).then(task);
    const settled = result.then(
      () => undefined,
      () => undefined,
    );
    queues.set(key, settled);
    void settled.then(() => {
      if (queues.get(key) === settled) queues.delete(key);
    });
    return result;
  };
}
