import { LocalAudioTrack, LocalVideoTrack, Room, type RoomEventCallbacks } from 'livekit-client';
import type { CallRoom, CallRoomEvents } from './livekit-call.controller';

/**
 * A LiveKit room as the call controller sees it. The page's own camera and microphone tracks are published as
 * provided by the app: LiveKit then leaves them running on mute (the preview stays) instead of stopping them
 * and reopening the system's default device on unmute, which would drop the device chosen in the check.
 */
export function newCallRoom(): CallRoom {
  // adaptiveStream stays off: it pauses video that is not attached with track.attach(), and the page plays one MediaStream.
  const room = new Room({ dynacast: true });
  // The controller's events are some of the Room's, by the same names; the Room passes its own (richer) objects.
  const as = <E extends keyof CallRoomEvents>(listener: CallRoomEvents[E]) => listener as unknown as RoomEventCallbacks[E];
  return {
    connect: (url, token) => room.connect(url, token),
    disconnect: () => room.disconnect(),
    on: (event, listener) => room.on(event, as(listener)),
    off: (event, listener) => room.off(event, as(listener)),
    localParticipant: {
      publishTrack: (track, options) =>
        room.localParticipant.publishTrack(
          track.kind === 'audio' ? new LocalAudioTrack(track, undefined, true) : new LocalVideoTrack(track, undefined, true),
          options,
        ),
    },
    get remoteParticipants() {
      return room.remoteParticipants;
    },
  };
}
