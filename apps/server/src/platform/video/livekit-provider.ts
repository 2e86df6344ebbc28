import {
  AccessToken,
  EgressClient,
  EgressStatus,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  S3Upload,
  TwirpError,
  WebhookReceiver,
  type WebhookEvent,
} from 'livekit-server-sdk';
import type { S3Settings } from '../storage/s3-store';
import {
  roomName,
  sessionOfRoom,
  VIDEO_EVENT_KINDS,
  type VideoEvent,
  type VideoEventKind,
  type VideoProvider,
  type VideoSession,
  WebhookRejected,
} from './video-provider';

export type LiveKitSettings = { url: string; apiKey: string; apiSecret: string };

/** Join tokens only open the door: LiveKit keeps a connected participant in until they leave. */
const TOKEN_TTL_SECONDS = 10 * 60;
/** A room nobody joined (or everybody left) closes after this, and LiveKit sends room_finished. */
const EMPTY_ROOM_SECONDS = 5 * 60;
/** Requests to LiveKit fail fast: the specialist is waiting on the answer. */
const REQUEST_TIMEOUT_SECONDS = 10;

/** A failed call that means "already gone" (an egress that ended, a room that closed): nothing left to stop. */
const alreadyGone = (error: unknown) =>
  error instanceof TwirpError && (error.status === 404 || error.code === 'not_found' || error.code === 'failed_precondition');

function recordingStatus(status: EgressStatus): NonNullable<VideoEvent['recording']>['status'] {
  switch (status) {
    case EgressStatus.EGRESS_STARTING:
      return 'starting';
    case EgressStatus.EGRESS_ACTIVE:
    case EgressStatus.EGRESS_ENDING:
      return 'active';
    case EgressStatus.EGRESS_COMPLETE:
    case EgressStatus.EGRESS_LIMIT_REACHED:
      return 'ended';
    case EgressStatus.EGRESS_FAILED:
    case EgressStatus.EGRESS_ABORTED:
      return 'failed';
  }
}

/** A verified LiveKit webhook in Tend's terms. */
export function toVideoEvent(event: WebhookEvent): VideoEvent {
  const egress = event.egressInfo;
  const room = event.room?.name || egress?.roomName || '';
  const kind = (VIDEO_EVENT_KINDS as readonly string[]).includes(event.event) ? (event.event as VideoEventKind) : 'other';
  const file = egress?.fileResults[0];
  return {
    id: event.id,
    kind,
    session: sessionOfRoom(room),
    participantIdentity: event.participant?.identity || null,
    recording: egress
      ? {
          recordingId: egress.egressId,
          status: recordingStatus(egress.status),
          location: file?.location || file?.filename || null,
          error: egress.error || null,
        }
      : null,
    occurredAt: event.createdAt ? new Date(Number(event.createdAt) * 1000) : new Date(),
  };
}

/**
 * LiveKit through livekit-server-sdk: rooms per session, join tokens carrying the session and role,
 * webhooks verified with the SDK's receiver, and room-composite recordings to S3 when Tend has a
 * bucket, otherwise to a file on the egress server (ADR 0017).
 */
export function createLiveKitProvider(settings: LiveKitSettings, s3: S3Settings | undefined): VideoProvider {
  const options = { requestTimeout: REQUEST_TIMEOUT_SECONDS };
  const rooms = new RoomServiceClient(settings.url, settings.apiKey, settings.apiSecret, options);
  const egress = new EgressClient(settings.url, settings.apiKey, settings.apiSecret, options);
  const receiver = new WebhookReceiver(settings.apiKey, settings.apiSecret);

  function fileOutput(session: VideoSession): { output: EncodedFileOutput; location: string } {
    const filepath = `recordings/${session.orgId}/${session.sessionId}/{time}.mp4`;
    if (!s3) return { output: new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath }), location: filepath };
    const upload = new S3Upload({
      bucket: s3.bucket,
      region: s3.region,
      endpoint: s3.endpoint ?? '',
      forcePathStyle: s3.forcePathStyle,
      accessKey: s3.accessKeyId ?? '',
      secret: s3.secretAccessKey ?? '',
    });
    return {
      output: new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath, output: { case: 's3', value: upload } }),
      location: `s3://${s3.bucket}/${filepath}`,
    };
  }

  return {
    name: 'livekit',

    async ensureRoom(session) {
      // CreateRoom answers with the existing room when the name is taken, so this is safe to repeat.
      const room = await rooms.createRoom({
        name: roomName(session),
        emptyTimeout: EMPTY_ROOM_SECONDS,
        maxParticipants: 2,
        metadata: JSON.stringify({ session_id: session.sessionId }),
      });
      return { room: room.name };
    },

    async participantAccess(session, user, role) {
      const room = roomName(session);
      const token = new AccessToken(settings.apiKey, settings.apiSecret, {
        identity: user.id,
        ...(user.name ? { name: user.name } : {}),
        metadata: JSON.stringify({ session_id: session.sessionId, role }),
        ttl: TOKEN_TTL_SECONDS,
      });
      token.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true, canPublishData: true, canUpdateOwnMetadata: false });
      return {
        provider: 'livekit',
        url: settings.url,
        token: await token.toJwt(),
        room,
        expires_at: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000).toISOString(),
      };
    },

    async startRecording(session) {
      const { output, location } = fileOutput(session);
      const info = await egress.startRoomCompositeEgress(roomName(session), { file: output }, { layout: 'grid' });
      return { recordingId: info.egressId, location };
    },

    async stopRecording(recordingId) {
      try {
        await egress.stopEgress(recordingId);
      } catch (error) {
        if (!alreadyGone(error)) throw error;
      }
    },

    async closeRoom(session) {
      try {
        await rooms.deleteRoom(roomName(session));
      } catch (error) {
        if (!alreadyGone(error)) throw error;
      }
    },

    async receiveWebhook(body, authorization) {
      if (!authorization) throw new WebhookRejected('unverified', 'The webhook is not signed');
      let event: WebhookEvent;
      try {
        event = await receiver.receive(body, authorization);
      } catch (error) {
        // The signature and the body's hash are checked before the body is read: a parse error means a
        // delivery that LiveKit signed but Tend cannot read; anything else means it was not LiveKit's.
        if (error instanceof SyntaxError || /cannot decode/i.test(String((error as Error).message))) {
          throw new WebhookRejected('malformed', 'The webhook body is not a LiveKit event');
        }
        throw new WebhookRejected('unverified', 'The webhook signature does not verify (wrong key, altered body or expired)');
      }
      if (!event.id || !event.event) throw new WebhookRejected('malformed', 'The webhook has no event id or kind');
      return toVideoEvent(event);
    },
  };
}
