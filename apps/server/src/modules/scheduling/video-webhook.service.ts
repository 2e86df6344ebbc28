import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { type VideoEvent, type VideoProvider, WebhookRejected } from '../../platform/video';
import type { RequestMeta } from '../identity';
import { schedulingRepository } from './scheduling.repository';
import { videoRepository } from './video.repository';
import { systemIn } from './video.service';

export type WebhookOutcome = { recorded: boolean };

/** What an egress event does to Tend's recording row: only forward moves, never back to running. */
async function applyRecordingEvent(tx: Tx, orgId: string, recording: NonNullable<VideoEvent['recording']>): Promise<void> {
  const row = await videoRepository.byProviderId(tx, recording.recordingId, true);
  if (!row || row.orgId !== orgId) return;
  const location = recording.location ? { location: recording.location } : {};
  if (recording.status === 'active') await videoRepository.updateRecording(tx, row.id, ['starting'], { status: 'active', ...location });
  if (recording.status === 'ended') {
    await videoRepository.updateRecording(tx, row.id, ['starting', 'active'], { status: 'ended', stopReason: 'provider', stoppedAt: new Date() });
    if (recording.location) await videoRepository.updateRecording(tx, row.id, ['stopped', 'ended'], location);
  }
  if (recording.status === 'failed') {
    await videoRepository.updateRecording(tx, row.id, ['starting', 'active', 'stopped'], {
      status: 'failed',
      error: recording.error?.slice(0, 500) ?? 'failed',
      stoppedAt: row.stoppedAt ?? new Date(),
    });
  }
}

/**
 * LiveKit's webhooks: verified with the SDK's receiver (a forged, unsigned, altered or stale delivery is
 * refused before anything is read), then recorded on the session the signed room name points at.
 */
export function createVideoWebhookService(deps: { db: Database; video: VideoProvider | null }) {
  return async function receive(body: string, authorization: string | undefined, meta: RequestMeta): Promise<WebhookOutcome> {
    if (!deps.video) throw new AppError('SESSION.VIDEO_NOT_CONFIGURED', 'LiveKit is not configured on this server');
    let event: VideoEvent;
    try {
      event = await deps.video.receiveWebhook(body, authorization);
    } catch (error) {
      if (!(error instanceof WebhookRejected)) throw error;
      throw new AppError(error.reason === 'malformed' ? 'SESSION.WEBHOOK_MALFORMED' : 'SESSION.WEBHOOK_UNVERIFIED', error.message);
    }
    const session = event.session;
    // Rooms of other applications on the same LiveKit server, and events Tend does not keep: acknowledged, not stored.
    if (!session || event.kind === 'other') return { recorded: false };
    const kind = event.kind;
    return deps.db.inContext(systemIn(session.orgId), async (tx) => {
      const row = await schedulingRepository.appointment(tx, session.sessionId);
      if (!row || row.orgId !== session.orgId) return { recorded: false };
      const identity = event.participantIdentity;
      const participant = identity && (identity === row.clientUserId || identity === row.specialistUserId) ? identity : null;
      const fresh = await videoRepository.insertEvent(tx, {
        id: uuidv7(),
        orgId: row.orgId,
        appointmentId: row.id,
        providerEventId: event.id,
        kind,
        participantUserId: participant,
        recordingId: event.recording?.recordingId ?? null,
        occurredAt: event.occurredAt,
      });
      if (!fresh) return { recorded: false };
      if (event.recording) await applyRecordingEvent(tx, row.orgId, event.recording);
      await recordAudit(
        tx,
        { userId: null, orgId: row.orgId, requestId: meta.requestId, ip: meta.ip },
        {
          action: 'session.video_event',
          resourceType: 'appointment',
          resourceId: row.id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
          details: {
            kind,
            provider_event_id: event.id,
            ...(participant ? { participant_user_id: participant } : identity ? { participant_identity: identity.slice(0, 100) } : {}),
            ...(event.recording ? { recording_id: event.recording.recordingId, recording_status: event.recording.status } : {}),
          },
        },
      );
      return { recorded: true };
    });
  };
}
