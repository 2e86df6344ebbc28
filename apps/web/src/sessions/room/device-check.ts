import { chosenDevices, wanted } from './device-choice';
import type { DeviceCheck } from './session-room.api';

/** A round trip slower than this makes video choppy: the check calls the connection slow. */
const SLOW_ROUND_TRIP_MS = 400;

/** The median of three requests to the server's health check, or null when it cannot be reached. */
async function roundTrip(): Promise<number | null> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    try {
      const response = await fetch('/health', { cache: 'no-store' });
      if (!response.ok) return null;
    } catch {
      return null;
    }
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[1] ?? times[0] ?? 0);
}

/**
 * Asks for the camera and the microphone separately (one may work without the other) and times the
 * connection, using the devices chosen earlier if any. The camera's stream is handed back for a preview; the
 * caller stops it.
 */
export async function checkDevices(): Promise<{ result: DeviceCheck; preview: MediaStream | null }> {
  const media = navigator.mediaDevices;
  const chosen = chosenDevices();
  const camera = media ? await media.getUserMedia({ video: wanted(chosen.camera) }).catch(() => null) : null;
  const microphone = media ? await media.getUserMedia({ audio: wanted(chosen.microphone) }).catch(() => null) : null;
  microphone?.getTracks().forEach((track) => track.stop());
  const ms = await roundTrip();
  return {
    result: {
      camera: camera ? 'ok' : 'failed',
      microphone: microphone ? 'ok' : 'failed',
      connection: ms === null ? 'failed' : ms > SLOW_ROUND_TRIP_MS ? 'slow' : 'good',
      round_trip_ms: ms ?? -1,
    },
    preview: camera,
  };
}
