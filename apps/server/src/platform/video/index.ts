import type { Config } from '../../config';
import { createLiveKitProvider } from './livekit-provider';
import type { VideoProvider } from './video-provider';

export { roomName, sessionOfRoom, WebhookRejected } from './video-provider';
export type { StartedRecording, VideoEvent, VideoJoinInfo, VideoProvider, VideoRole, VideoSession } from './video-provider';
export type { LiveKitSettings } from './livekit-provider';

/** LiveKit when its three variables are set; null means the built-in 1:1 call (no rooms, no recording). */
export function createVideoProvider(config: Pick<Config, 'livekit' | 's3'>): VideoProvider | null {
  return config.livekit ? createLiveKitProvider(config.livekit, config.s3) : null;
}
