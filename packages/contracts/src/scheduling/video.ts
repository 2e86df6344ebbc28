import { z } from 'zod';

/** What a browser needs to join a session's LiveKit room. */
export const liveKitJoinInfo = z.object({
  provider: z.literal('livekit'),
  url: z.string(),
  token: z.string(),
  room: z.string(),
  expires_at: z.iso.datetime(),
});
export type LiveKitJoinInfo = z.infer<typeof liveKitJoinInfo>;

export const RECORDING_STATUSES = ['starting', 'active', 'stopped', 'ended', 'failed'] as const;
export const RECORDING_STOP_REASONS = ['specialist', 'consent_revoked', 'session_ended', 'provider'] as const;

/** A session's recording as both participants see it: whether it runs, since when, why it stopped. */
export const sessionRecording = z.object({
  id: z.uuid(),
  session_id: z.uuid(),
  status: z.enum(RECORDING_STATUSES),
  started_by: z.uuid(),
  started_at: z.iso.datetime(),
  stopped_at: z.iso.datetime().nullable(),
  stop_reason: z.enum(RECORDING_STOP_REASONS).nullable(),
});
export type SessionRecording = z.infer<typeof sessionRecording>;

/** A participant whose recording consent for this session is missing (details of SESSION.RECORDING_CONSENT_MISSING). */
export type MissingRecordingConsent = { user_id: string; role: 'client'; name: string; reason: string };
