import { z } from 'zod';
import { liveKitJoinInfo } from './video';

/** One ICE server as WebRTC's RTCIceServer takes it (`ICE_SERVERS` holds a JSON array of these). */
export const iceServer = z
  .object({
    urls: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    username: z.string().optional(),
    credential: z.string().optional(),
  })
  .strict();
export type IceServer = z.infer<typeof iceServer>;

/** How the two people of a session meet: the built-in 1:1 WebRTC call and the ICE servers it may use. */
/** How to join a session's call: the built-in 1:1 WebRTC call, or LiveKit's room when the practice runs LiveKit. */
export const sessionVideo = z.discriminatedUnion('provider', [z.object({ provider: z.literal('builtin'), ice_servers: z.array(iceServer) }), liveKitJoinInfo]);
export type SessionVideo = z.infer<typeof sessionVideo>;

/** The room as one of its two people sees it. */
export const sessionRoom = z.object({
  session_id: z.uuid(),
  role: z.enum(['specialist', 'client']),
  status: z.enum(['scheduled', 'in_progress', 'completed', 'cancelled', 'no_show']),
  admitted: z.boolean(),
  case_id: z.uuid().nullable(),
  starts_at: z.iso.datetime(),
  ends_at: z.iso.datetime(),
  /** The other person: the client for the specialist, the specialist for the client. */
  other: z.object({ id: z.uuid(), name: z.string() }),
});
export type SessionRoom = z.infer<typeof sessionRoom>;

const sessionDescription = z.object({ type: z.enum(['offer', 'answer', 'pranswer', 'rollback']), sdp: z.string().max(200_000).optional() }).strict();
const iceCandidate = z
  .object({
    candidate: z.string().max(2_000),
    sdpMid: z.string().max(100).nullable().optional(),
    sdpMLineIndex: z.number().int().min(0).max(1_000).nullable().optional(),
    usernameFragment: z.string().max(256).nullable().optional(),
  })
  .strict();

/** `session.signal`: a WebRTC description or ICE candidate for the other person of the session. */
export const sessionSignal = z.union([
  z.object({ session_id: z.uuid(), description: sessionDescription }).strict(),
  z.object({ session_id: z.uuid(), candidate: iceCandidate }).strict(),
]);
export type SessionSignal = z.infer<typeof sessionSignal>;

/** `session.tool`: the breathing guide (the specialist starts and stops it) and the shared 0–10 scale (either moves it). */
export const sessionTool = z.discriminatedUnion('tool', [
  z.object({ session_id: z.uuid(), tool: z.literal('breathing'), action: z.enum(['start', 'stop']) }).strict(),
  z.object({ session_id: z.uuid(), tool: z.literal('scale'), value: z.number().int().min(0).max(10) }).strict(),
]);
export type SessionTool = z.infer<typeof sessionTool>;

/** What a socket event is acknowledged with: done, or the error code and message the API would have answered. */
export type SocketAck = { ok: true } | { ok: false; error: { code: string; message: string } };
