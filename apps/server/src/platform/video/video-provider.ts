/** The session a video room belongs to. The room's name carries both ids (see `roomName`). */
export type VideoSession = { orgId: string; sessionId: string };
export type VideoRole = 'client' | 'specialist';

/** What a browser needs to join the session's room; the shape the web client receives. */
export type VideoJoinInfo = { provider: 'livekit'; url: string; token: string; room: string; expires_at: string };

/** A recording the provider started: its id there and where the file will be written. */
export type StartedRecording = { recordingId: string; location: string };

export type VideoEventKind =
  'room_started' | 'room_finished' | 'participant_joined' | 'participant_left' | 'egress_started' | 'egress_updated' | 'egress_ended';
export const VIDEO_EVENT_KINDS: readonly VideoEventKind[] = [
  'room_started',
  'room_finished',
  'participant_joined',
  'participant_left',
  'egress_started',
  'egress_updated',
  'egress_ended',
];

/** A provider's webhook after its signature was verified, in the provider's neutral terms. */
export type VideoEvent = {
  /** The provider's id of this delivery: the same event delivered twice has the same id. */
  id: string;
  kind: VideoEventKind | 'other';
  /** Null when the room is not one of Tend's (another application on the same server). */
  session: VideoSession | null;
  /** A participant's identity (Tend's user id) for participant events. */
  participantIdentity: string | null;
  recording: { recordingId: string; status: 'starting' | 'active' | 'ended' | 'failed'; location: string | null; error: string | null } | null;
  occurredAt: Date;
};

/** Why a webhook was refused: not signed by our provider (or stale, or altered), or signed but unreadable. */
export class WebhookRejected extends Error {
  constructor(
    readonly reason: 'unverified' | 'malformed',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejected';
  }
}

/** A video engine for sessions (ARCHITECTURE §6). The built-in WebRTC call needs none of this; LiveKit does. */
export type VideoProvider = {
  readonly name: 'livekit';
  /** Creates the session's room, or finds it when it exists; returns its name. */
  ensureRoom(session: VideoSession): Promise<{ room: string }>;
  /** A short-lived join token for one person, limited to the session's room. */
  participantAccess(session: VideoSession, user: { id: string; name?: string }, role: VideoRole): Promise<VideoJoinInfo>;
  startRecording(session: VideoSession): Promise<StartedRecording>;
  /** Stops a recording; one that already ended counts as stopped. */
  stopRecording(recordingId: string): Promise<void>;
  closeRoom(session: VideoSession): Promise<void>;
  /** Verifies a webhook delivery (throws `WebhookRejected`) and reads it. */
  receiveWebhook(body: string, authorization: string | undefined): Promise<VideoEvent>;
};

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ROOM = new RegExp(`^tend_(${UUID})_(${UUID})$`);

/**
 * A session's room name: `tend_<org id>_<session id>`. A webhook names the room inside its signed body,
 * so once the signature holds, the org and session it speaks of come from the provider, not from a caller.
 */
export const roomName = (session: VideoSession) => `tend_${session.orgId}_${session.sessionId}`;

export function sessionOfRoom(name: string): VideoSession | null {
  const match = ROOM.exec(name);
  return match ? { orgId: match[1] as string, sessionId: match[2] as string } : null;
}
