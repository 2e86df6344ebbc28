import { ConnectionQuality, DisconnectReason, RoomEvent, Track, type TrackPublishOptions } from 'livekit-client';

/** The parts of a LiveKit `Room` the call uses: `callRoomOf(new Room())` in the page, a fake in the unit tests. */
export type RemoteTrackLike = { kind: Track.Kind; mediaStreamTrack: MediaStreamTrack };
export type RemotePublicationLike = { kind: Track.Kind; setSubscribed(subscribed: boolean): void };
export type ParticipantLike = { identity: string; isLocal: boolean };
export type LocalPublicationLike = {
  mute(): Promise<unknown>;
  unmute(): Promise<unknown>;
  pauseUpstream(): Promise<void>;
  resumeUpstream(): Promise<void>;
};
export type CallRoomEvents = {
  [RoomEvent.Reconnecting]: () => void;
  [RoomEvent.SignalReconnecting]: () => void;
  [RoomEvent.Reconnected]: () => void;
  [RoomEvent.Disconnected]: (reason?: DisconnectReason) => void;
  [RoomEvent.TrackPublished]: (publication: RemotePublicationLike, participant: ParticipantLike) => void;
  [RoomEvent.TrackSubscribed]: (track: RemoteTrackLike, publication: RemotePublicationLike, participant: ParticipantLike) => void;
  [RoomEvent.TrackUnsubscribed]: (track: RemoteTrackLike, publication: RemotePublicationLike, participant: ParticipantLike) => void;
  [RoomEvent.ConnectionQualityChanged]: (quality: ConnectionQuality, participant: ParticipantLike) => void;
};
export type CallRoom = {
  connect(url: string, token: string): Promise<void>;
  disconnect(): Promise<void>;
  on<E extends keyof CallRoomEvents>(event: E, listener: CallRoomEvents[E]): unknown;
  off<E extends keyof CallRoomEvents>(event: E, listener: CallRoomEvents[E]): unknown;
  localParticipant: { publishTrack(track: MediaStreamTrack, options?: TrackPublishOptions): Promise<LocalPublicationLike> };
  remoteParticipants: Map<string, { trackPublications: Map<string, RemotePublicationLike> }>;
};

export type LiveKitCallStatus = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'dropped' | 'left';
/** `automatic`: the connection turned poor; `chosen`: the person pressed "Audio only". */
export type AudioOnly = 'off' | 'chosen' | 'automatic';
export type LiveKitCallState = {
  status: LiveKitCallStatus;
  audioOnly: AudioOnly;
  /** Automatic audio-only, and nobody's connection is poor any more: video may come back when the person says so. */
  connectionRecovered: boolean;
  muted: boolean;
  cameraOff: boolean;
  publishing: { audio: boolean; video: boolean };
  /** The other person's subscribed tracks, for one MediaStream on the page. */
  remoteTracks: MediaStreamTrack[];
};

type Options = {
  room: CallRoom;
  url: string;
  token: string;
  /** This side's camera and microphone as chosen in the device check (null: not available). */
  local: { audio: MediaStreamTrack | null; video: MediaStreamTrack | null };
  onChange: (state: LiveKitCallState) => void;
  /** How long joining may take before the page says it failed and offers a retry. */
  connectTimeoutMs?: number;
};

/** LiveKit gives up on an unreachable server by itself, but some failures (a proxy answering 404) make it retry forever. */
const CONNECT_TIMEOUT_MS = 20_000;

const isPoor = (quality: ConnectionQuality) => quality === ConnectionQuality.Poor;
const isGood = (quality: ConnectionQuality) => quality === ConnectionQuality.Good || quality === ConnectionQuality.Excellent;

/**
 * A 1:1 session call in a LiveKit room, without React: connects with the session's token, publishes the
 * chosen camera and microphone, follows reconnection, and turns audio-only on by itself when either side's
 * connection turns poor. Video comes back only when the person chooses it (ADR 0023).
 */
export function createLiveKitCall({ room, url, token, local, onChange, connectTimeoutMs = CONNECT_TIMEOUT_MS }: Options) {
  let state: LiveKitCallState = {
    status: 'connecting',
    audioOnly: 'off',
    connectionRecovered: false,
    muted: false,
    cameraOff: false,
    publishing: { audio: false, video: false },
    remoteTracks: [],
  };
  let audio: LocalPublicationLike | null = null;
  let video: LocalPublicationLike | null = null;
  // Participants (by identity) whose last reported quality was poor.
  const poor = new Set<string>();

  const set = (next: Partial<LiveKitCallState>) => {
    state = { ...state, ...next };
    onChange(state);
  };
  const remoteVideo = () =>
    [...room.remoteParticipants.values()].flatMap((participant) => [...participant.trackPublications.values()]).filter((p) => p.kind === Track.Kind.Video);
  const ignore = () => undefined;

  async function applyAudioOnly(on: boolean) {
    remoteVideo().forEach((publication) => publication.setSubscribed(!on));
    if (!video) return;
    // pauseUpstream stops sending the track without touching the preview; resume keeps a camera the person turned off, off.
    if (on) await video.pauseUpstream().catch(ignore);
    else await video.resumeUpstream().catch(ignore);
  }

  const handlers: CallRoomEvents = {
    [RoomEvent.Reconnecting]: () => set({ status: 'reconnecting' }),
    [RoomEvent.SignalReconnecting]: () => set({ status: 'reconnecting' }),
    [RoomEvent.Reconnected]: () => set({ status: 'connected' }),
    [RoomEvent.Disconnected]: (reason) => {
      if (state.status === 'left' || state.status === 'failed') return;
      // Tend deletes the room when the session ends; the page hears that from Tend too, so it is no error.
      set({ status: reason === DisconnectReason.ROOM_DELETED ? 'left' : 'dropped', remoteTracks: [] });
    },
    [RoomEvent.TrackPublished]: (publication) => {
      if (publication.kind === Track.Kind.Video && state.audioOnly !== 'off') publication.setSubscribed(false);
    },
    [RoomEvent.TrackSubscribed]: (track) => {
      if (!state.remoteTracks.includes(track.mediaStreamTrack)) set({ remoteTracks: [...state.remoteTracks, track.mediaStreamTrack] });
    },
    [RoomEvent.TrackUnsubscribed]: (track) => set({ remoteTracks: state.remoteTracks.filter((t) => t !== track.mediaStreamTrack) }),
    [RoomEvent.ConnectionQualityChanged]: (quality, participant) => {
      if (isPoor(quality)) poor.add(participant.identity);
      else if (isGood(quality)) poor.delete(participant.identity);
      if (poor.size > 0 && state.audioOnly === 'off') {
        set({ audioOnly: 'automatic', connectionRecovered: false });
        void applyAudioOnly(true);
      } else if (state.audioOnly === 'automatic') {
        set({ connectionRecovered: poor.size === 0 });
      }
    },
  };
  const listen = (on: boolean) => {
    for (const event of Object.keys(handlers) as (keyof CallRoomEvents)[]) {
      if (on) room.on(event, handlers[event]);
      else room.off(event, handlers[event]);
    }
  };

  async function publish(track: MediaStreamTrack | null, source: Track.Source): Promise<LocalPublicationLike | null> {
    if (!track) return null;
    // A track that cannot be published leaves the call running with what could be: the other still hears or sees this side.
    return room.localParticipant.publishTrack(track, { source }).catch(() => null);
  }

  return {
    state: () => state,

    /** Joins the room and publishes this side's tracks; `failed` when the video service cannot be reached. */
    async start(): Promise<void> {
      listen(true);
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const timedOut = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), connectTimeoutMs)));
        await Promise.race([room.connect(url, token), timedOut]);
      } catch {
        if (state.status === 'left') return;
        listen(false);
        set({ status: 'failed' });
        await room.disconnect().catch(ignore);
        return;
      } finally {
        clearTimeout(timer);
      }
      if (state.status === 'left') return void (await room.disconnect().catch(ignore));
      if (state.status === 'connecting') set({ status: 'connected' });
      [audio, video] = await Promise.all([publish(local.audio, Track.Source.Microphone), publish(local.video, Track.Source.Camera)]);
      if (state.muted) await audio?.mute().catch(ignore);
      if (state.cameraOff) await video?.mute().catch(ignore);
      if (state.audioOnly !== 'off') await applyAudioOnly(true);
      set({ publishing: { audio: audio !== null, video: video !== null } });
    },

    async setMuted(muted: boolean): Promise<void> {
      set({ muted });
      await (muted ? audio?.mute() : audio?.unmute())?.catch(ignore);
    },

    async setCameraOff(cameraOff: boolean): Promise<void> {
      set({ cameraOff });
      if (!video) return;
      if (cameraOff) return void (await video.mute().catch(ignore));
      await video.unmute().catch(ignore);
      // Unmuting may resume sending; audio-only keeps it paused.
      if (state.audioOnly !== 'off') await video.pauseUpstream().catch(ignore);
    },

    /** The "Audio only" button: on, or video back on (the only way back from automatic audio-only). */
    async setAudioOnly(on: boolean): Promise<void> {
      if (on === (state.audioOnly !== 'off')) return;
      set({ audioOnly: on ? 'chosen' : 'off', connectionRecovered: false });
      await applyAudioOnly(on);
    },

    /** Leaves the room: the page unmounts, the person leaves, or the session ended. */
    async leave(): Promise<void> {
      const connected = state.status !== 'failed';
      set({ status: 'left', remoteTracks: [] });
      listen(false);
      if (connected) await room.disconnect().catch(ignore);
    },
  };
}

export type LiveKitCall = ReturnType<typeof createLiveKitCall>;
