import type { LiveKitJoinInfo, MissingRecordingConsent, SessionRecording } from '@tend/contracts';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { type AuditActor, recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, DbContext, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { Jobs } from '../../platform/jobs/jobs';
import type { UserEmitter } from '../../platform/realtime/relay';
import type { VideoProvider, VideoRole, VideoSession } from '../../platform/video';
import { consent } from '../consent';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, userNames } from '../orgs';
import { type AppointmentRow, schedulingRepository } from './scheduling.repository';
import { type RecordingRow, videoRepository } from './video.repository';

/** Re-checks a client's running recordings after they withdrew a recording consent. */
export const RECORDING_CONSENT_JOB = 'scheduling.recording-consent';
export type RecordingConsentJob = { org_id: string; client_user_id: string };

export type VideoDeps = { db: Database; crypto: FieldCrypto; jobs: Jobs; relay: UserEmitter; video: VideoProvider | null; logger: Logger };

/** The server acting inside one org on behalf of nobody (webhooks, jobs). */
export const systemIn = (orgId: string): DbContext => ({ userId: null, orgId, role: null, platformAdmin: false, system: true });

export const toRecording = (row: RecordingRow): SessionRecording => ({
  id: row.id,
  session_id: row.appointmentId,
  status: row.status,
  started_by: row.startedBy,
  started_at: row.createdAt.toISOString(),
  stopped_at: row.stoppedAt?.toISOString() ?? null,
  stop_reason: row.stopReason ?? null,
});

const providerFailed = (error: unknown) =>
  new AppError('SESSION.VIDEO_PROVIDER_FAILED', 'The video service did not answer; try again in a moment', {
    reason: error instanceof Error ? error.message.slice(0, 200) : 'unknown',
  });

/**
 * LiveKit rooms, join tokens and recordings of a session. A recording starts only when every participant
 * whose consent the engine records (the session's client) has an active recording consent covering this
 * session, and stops when that consent is withdrawn (ADR 0017).
 */
export function createVideoService(deps: VideoDeps) {
  function provider(): VideoProvider {
    if (!deps.video) throw new AppError('SESSION.VIDEO_NOT_CONFIGURED', 'This practice runs the built-in video call; LiveKit is not configured');
    return deps.video;
  }
  async function sessionOf(scope: OrgScope, id: string, lock = false): Promise<AppointmentRow> {
    const row = await schedulingRepository.appointment(scope.tx, id, lock);
    if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
    return row;
  }
  const specialistOnly = (row: AppointmentRow, p: Principal) => {
    if (row.specialistUserId !== p.userId) throw new AppError('SESSION.NOT_ALLOWED', 'Only the session’s specialist records it');
  };
  const video = (row: AppointmentRow): VideoSession => ({ orgId: row.orgId, sessionId: row.id });
  const tell = (row: AppointmentRow, recording: SessionRecording) => {
    for (const user of [row.specialistUserId, row.clientUserId]) deps.relay.emitToUser(user, 'session.recording', recording);
  };

  /** Whose recording consent is missing for this session now; audits each refusal in `tx`. */
  async function missingConsents(tx: Tx, actor: AuditActor, row: AppointmentRow, specialistId: string): Promise<MissingRecordingConsent[]> {
    const decision = await consent.check(
      tx,
      { orgId: row.orgId, clientUserId: row.clientUserId, actorUserId: specialistId, kind: 'recording', sessionId: row.id },
      { actor, route: 'POST /api/v1/sessions/:id/recording' },
    );
    if (decision.allowed) return [];
    const names = await userNames(tx, deps.crypto, [row.clientUserId]);
    return [{ user_id: row.clientUserId, role: 'client', name: names.get(row.clientUserId) ?? '', reason: decision.reason }];
  }

  /** Stops a recording at the provider, then marks it; false when it was no longer running. */
  async function stop(
    row: AppointmentRow,
    recording: RecordingRow,
    reason: 'specialist' | 'consent_revoked' | 'session_ended',
    actor: AuditActor,
  ): Promise<RecordingRow | null> {
    if (recording.providerRecordingId) await provider().stopRecording(recording.providerRecordingId);
    return deps.db.inContext(systemIn(row.orgId), async (tx) => {
      const moved = await videoRepository.updateRecording(tx, recording.id, ['starting', 'active'], {
        status: 'stopped',
        stopReason: reason,
        stoppedAt: new Date(),
      });
      if (!moved) return null;
      await recordAudit(tx, actor, {
        action: 'session.recording_stop',
        resourceType: 'appointment',
        resourceId: row.id,
        subjectUserId: row.clientUserId,
        purpose: 'treatment',
        details: { recording_id: recording.id, reason },
      });
      return (await videoRepository.latestRecording(tx, row.id)) ?? null;
    });
  }

  return {
    /**
     * A LiveKit join token for the session's specialist, or for its client once admitted. For
     * `GET /api/v1/sessions/:id/video` when LiveKit is configured.
     */
    access: async (p: Principal, id: string, meta: RequestMeta): Promise<LiveKitJoinInfo> => {
      const { row, role, name } = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await sessionOf(scope, id);
        const role: VideoRole | null = row.specialistUserId === p.userId ? 'specialist' : row.clientUserId === p.userId ? 'client' : null;
        if (!role) throw new AppError('SESSION.NOT_ALLOWED', 'Only the session’s client and specialist join its call');
        provider();
        const open = role === 'specialist' ? ['scheduled', 'in_progress'] : ['in_progress'];
        if (!open.includes(row.status)) {
          throw new AppError(
            'SESSION.NOT_OPEN',
            role === 'client' && row.status === 'scheduled' ? 'Wait until the specialist admits you' : `This session is ${row.status}`,
          );
        }
        await recordAudit(scope.tx, scope.actor, {
          action: 'session.video_join',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
          details: { provider: 'livekit', role },
        });
        return { row, role, name: (await userNames(scope.tx, deps.crypto, [p.userId])).get(p.userId) };
      });
      try {
        await provider().ensureRoom(video(row));
        return await provider().participantAccess(video(row), { id: p.userId, ...(name ? { name } : {}) }, role);
      } catch (error) {
        throw providerFailed(error);
      }
    },

    /** The latest recording of the session, for both participants (nobody is recorded without seeing it). */
    recording: (p: Principal, id: string, meta: RequestMeta): Promise<SessionRecording | null> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await sessionOf(scope, id);
        if (row.specialistUserId !== p.userId && row.clientUserId !== p.userId)
          throw new AppError('SESSION.NOT_ALLOWED', 'Only the session’s participants see this');
        const latest = await videoRepository.latestRecording(scope.tx, id);
        return latest ? toRecording(latest) : null;
      }),

    startRecording: async (p: Principal, id: string, meta: RequestMeta): Promise<SessionRecording> => {
      const checked = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await sessionOf(scope, id, true);
        specialistOnly(row, p);
        provider();
        if (row.status !== 'in_progress') throw new AppError('SESSION.NOT_OPEN', `Record a session while it runs; this one is ${row.status}`);
        if (await videoRepository.runningRecording(scope.tx, id)) throw new AppError('SESSION.RECORDING_ACTIVE', 'This session is already being recorded');
        const missing = await missingConsents(scope.tx, scope.actor, row, p.userId);
        // The refusal's audit row commits with this transaction; the 409 is thrown after it.
        if (missing.length) return { row, missing, recordingId: null };
        const recordingId = uuidv7();
        await videoRepository.insertRecording(scope.tx, { id: recordingId, orgId: row.orgId, appointmentId: id, startedBy: p.userId, status: 'starting' });
        await recordAudit(scope.tx, scope.actor, {
          action: 'session.recording_start',
          resourceType: 'appointment',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
          details: { recording_id: recordingId },
        });
        return { row, missing, recordingId };
      });
      const { row, missing, recordingId } = checked;
      if (!recordingId) {
        throw new AppError('SESSION.RECORDING_CONSENT_MISSING', `Not everyone has agreed to recording: ${missing.map((m) => m.name || m.user_id).join(', ')}`, {
          missing,
        });
      }
      let started: Awaited<ReturnType<VideoProvider['startRecording']>>;
      try {
        await provider().ensureRoom(video(row));
        started = await provider().startRecording(video(row));
      } catch (error) {
        await deps.db.inContext(systemIn(row.orgId), (tx) =>
          videoRepository.updateRecording(tx, recordingId, ['starting'], {
            status: 'failed',
            error: String((error as Error).message).slice(0, 500),
            stoppedAt: new Date(),
          }),
        );
        throw providerFailed(error);
      }
      const recording = await deps.db.inContext(systemIn(row.orgId), async (tx) => {
        await videoRepository.updateRecording(tx, recordingId, ['starting', 'stopped'], {
          providerRecordingId: started.recordingId,
          location: started.location,
        });
        const active = await videoRepository.updateRecording(tx, recordingId, ['starting'], { status: 'active' });
        return { active, row: (await videoRepository.latestRecording(tx, id)) as RecordingRow };
      });
      if (!recording.active) {
        // The consent was withdrawn while LiveKit was starting: stop what it just started.
        await provider().stopRecording(started.recordingId);
        throw new AppError('SESSION.RECORDING_CONSENT_MISSING', 'Consent to recording was withdrawn while the recording started; it was stopped', {
          missing: [],
        });
      }
      const result = toRecording(recording.row);
      tell(row, result);
      return result;
    },

    stopRecording: async (p: Principal, id: string, meta: RequestMeta): Promise<SessionRecording> => {
      const { row, running, actor } = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const row = await sessionOf(scope, id);
        specialistOnly(row, p);
        provider();
        const running = await videoRepository.runningRecording(scope.tx, id);
        if (!running) throw new AppError('SESSION.NOT_RECORDING', 'This session is not being recorded');
        return { row, running, actor: scope.actor };
      });
      let stopped: RecordingRow | null;
      try {
        stopped = await stop(row, running, 'specialist', actor);
      } catch (error) {
        throw providerFailed(error);
      }
      if (!stopped) throw new AppError('SESSION.NOT_RECORDING', 'This recording has already stopped');
      const result = toRecording(stopped);
      tell(row, result);
      return result;
    },

    /**
     * The session ended: a running recording stops and the room closes. LiveKit being unreachable must not
     * undo the end, so failures are logged; the room closes by itself once empty and egress ends with it.
     */
    async sessionEnded(session: VideoSession): Promise<void> {
      if (!deps.video) return;
      const actor: AuditActor = { userId: null, orgId: session.orgId, requestId: null, ip: null };
      try {
        const found = await deps.db.inContext(systemIn(session.orgId), async (tx) => {
          const row = await schedulingRepository.appointment(tx, session.sessionId);
          return row && row.orgId === session.orgId ? { row, running: await videoRepository.runningRecording(tx, row.id) } : null;
        });
        if (found?.running) {
          const stopped = await stop(found.row, found.running, 'session_ended', actor);
          if (stopped) tell(found.row, toRecording(stopped));
        }
        await deps.video.closeRoom(session);
      } catch (error) {
        deps.logger.warn({ err: error, session_id: session.sessionId }, 'could not close the LiveKit side of an ended session');
      }
    },

    /** Called inside a consent revocation's transaction: the re-check is queued with it, so it cannot be lost. */
    async consentRevoked(tx: Tx, revoked: { orgId: string; clientUserId: string; kind: string }): Promise<void> {
      if (revoked.kind !== 'recording') return;
      await deps.jobs.send<RecordingConsentJob>(tx, RECORDING_CONSENT_JOB, { org_id: revoked.orgId, client_user_id: revoked.clientUserId });
    },

    /** Stops each running recording of the client that no consent covers any more. */
    async recheckConsent(job: RecordingConsentJob): Promise<void> {
      const actor: AuditActor = { userId: null, orgId: job.org_id, requestId: null, ip: null };
      const uncovered = await deps.db.inContext(systemIn(job.org_id), async (tx) => {
        const running = await videoRepository.runningRecordingsOfClient(tx, job.org_id, job.client_user_id);
        const out: { row: AppointmentRow; recording: RecordingRow }[] = [];
        for (const { recording, specialistUserId } of running) {
          const decision = await consent.check(tx, {
            orgId: job.org_id,
            clientUserId: job.client_user_id,
            actorUserId: specialistUserId,
            kind: 'recording',
            sessionId: recording.appointmentId,
          });
          const row = await schedulingRepository.appointment(tx, recording.appointmentId);
          if (!decision.allowed && row) out.push({ row, recording });
        }
        return out;
      });
      for (const { row, recording } of uncovered) {
        const stopped = await stop(row, recording, 'consent_revoked', actor);
        if (stopped) tell(row, toRecording(stopped));
        deps.logger.info({ session_id: row.id, recording_id: recording.id }, 'recording stopped: consent withdrawn');
      }
    },
  };
}

export type VideoService = ReturnType<typeof createVideoService>;
