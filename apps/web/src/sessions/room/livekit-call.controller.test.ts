import { ConnectionQuality, DisconnectReason, RoomEvent, Track } from 'livekit-client';
import { describe, expect, it, vi } from 'vitest';
import { type CallRoom, type CallRoomEvents, createLiveKitCall, type LiveKitCallState } from './livekit-call.controller';

// A LiveKit server cannot run here: these tests drive the controller with a fake Room that emits LiveKit's events.

const mediaTrack = (kind: 'audio' | 'video') => ({ kind, id: `${kind}-${Math.random()}` }) as unknown as MediaStreamTrack;

function fakeLocalPublication() {
  const calls: string[] = [];
  const record = (name: string) => async () => void calls.push(name);
  return { calls, mute: record('mute'), unmute: record('unmute'), pauseUpstream: record('pauseUpstream'), resumeUpstream: record('resumeUpstream') };
}

function fakeRemotePublication(kind: Track.Kind) {
  const subscribed: boolean[] = [];
  return { kind, subscribed, setSubscribed: (on: boolean) => void subscribed.push(on) };
}

/** A fake LiveKit Room (LiveKit faked: no server here) that remembers what it was asked and emits events on demand. */
function fakeLiveKitRoom(options: { connectFails?: boolean } = {}) {
  const listeners = new Map<string, Set<(...args: never[]) => void>>();
  const published: { track: MediaStreamTrack; source: unknown; publication: ReturnType<typeof fakeLocalPublication> }[] = [];
  const remoteVideo = fakeRemotePublication(Track.Kind.Video);
  const remoteAudio = fakeRemotePublication(Track.Kind.Audio);
  const log: string[] = [];
  const room = {
    log,
    published,
    remoteVideo,
    remoteAudio,
    connect: async (url: string, token: string) => {
      log.push(`connect ${url} ${token}`);
      if (options.connectFails) throw new Error('could not establish signal connection');
    },
    disconnect: async () => void log.push('disconnect'),
    on: (event: string, listener: (...args: never[]) => void) => {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event)?.add(listener);
    },
    off: (event: string, listener: (...args: never[]) => void) => listeners.get(event)?.delete(listener),
    localParticipant: {
      publishTrack: async (track: MediaStreamTrack, publishOptions?: { source?: unknown }) => {
        const publication = fakeLocalPublication();
        published.push({ track, source: publishOptions?.source, publication });
        return publication;
      },
    },
    remoteParticipants: new Map([
      [
        'client-1',
        {
          trackPublications: new Map([
            ['TR_v', remoteVideo],
            ['TR_a', remoteAudio],
          ]),
        },
      ],
    ]),
    emit<E extends keyof CallRoomEvents>(event: E, ...args: Parameters<CallRoomEvents[E]>) {
      listeners.get(event)?.forEach((listener) => (listener as (...a: unknown[]) => void)(...args));
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0),
  };
  return room;
}

const me = { identity: 'specialist-1', isLocal: true };
const other = { identity: 'client-1', isLocal: false };

async function startedCall(options: { connectFails?: boolean } = {}) {
  const room = fakeLiveKitRoom(options);
  const states: LiveKitCallState[] = [];
  const local = { audio: mediaTrack('audio'), video: mediaTrack('video') };
  const call = createLiveKitCall({ room: room satisfies CallRoom, url: 'wss://video.example', token: 'join-token', local, onChange: (s) => states.push(s) });
  await call.start();
  const video = room.published.find((p) => p.track === local.video)?.publication;
  const audio = room.published.find((p) => p.track === local.audio)?.publication;
  return { room, call, states, local, video, audio };
}

describe('LiveKit call controller (LiveKit faked: a fake Room emits its events)', () => {
  it('connects with the session token, then publishes the chosen microphone and camera', async () => {
    const { room, call, local } = await startedCall();
    expect(room.log[0]).toBe('connect wss://video.example join-token');
    expect(room.published.map((p) => [p.track, p.source])).toEqual([
      [local.audio, Track.Source.Microphone],
      [local.video, Track.Source.Camera],
    ]);
    expect(call.state()).toMatchObject({ status: 'connected', publishing: { audio: true, video: true }, audioOnly: 'off' });
  });

  it('publishes nothing it was not given: no camera means audio only is published', async () => {
    const room = fakeLiveKitRoom();
    const call = createLiveKitCall({ room, url: 'wss://v', token: 't', local: { audio: mediaTrack('audio'), video: null }, onChange: () => undefined });
    await call.start();
    expect(room.published).toHaveLength(1);
    expect(call.state().publishing).toEqual({ audio: true, video: false });
  });

  it('shows the other person’s tracks as they are subscribed and drops them when unsubscribed', async () => {
    const { room, call } = await startedCall();
    const theirVideo = { kind: Track.Kind.Video, mediaStreamTrack: mediaTrack('video') };
    const theirAudio = { kind: Track.Kind.Audio, mediaStreamTrack: mediaTrack('audio') };
    room.emit(RoomEvent.TrackSubscribed, theirVideo, room.remoteVideo, other);
    room.emit(RoomEvent.TrackSubscribed, theirAudio, room.remoteAudio, other);
    expect(call.state().remoteTracks).toEqual([theirVideo.mediaStreamTrack, theirAudio.mediaStreamTrack]);
    room.emit(RoomEvent.TrackUnsubscribed, theirVideo, room.remoteVideo, other);
    expect(call.state().remoteTracks).toEqual([theirAudio.mediaStreamTrack]);
  });

  it('shows reconnecting on Reconnecting and SignalReconnecting, and connected again on Reconnected', async () => {
    const { room, call, states } = await startedCall();
    room.emit(RoomEvent.SignalReconnecting);
    expect(call.state().status).toBe('reconnecting');
    room.emit(RoomEvent.Reconnected);
    expect(call.state().status).toBe('connected');
    room.emit(RoomEvent.Reconnecting);
    expect(call.state().status).toBe('reconnecting');
    room.emit(RoomEvent.Reconnected);
    expect(states.map((s) => s.status).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'connected',
      'reconnecting',
      'connected',
      'reconnecting',
      'connected',
    ]);
  });

  it('a poor connection on either side turns audio-only on: stops sending video and unsubscribes the other’s video', async () => {
    for (const who of [me, other]) {
      const { room, call, video, audio } = await startedCall();
      room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Good, who);
      expect(call.state().audioOnly).toBe('off');
      room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Poor, who);
      await Promise.resolve();
      expect(call.state().audioOnly).toBe('automatic');
      expect(video?.calls).toEqual(['pauseUpstream']);
      expect(audio?.calls).toEqual([]);
      expect(room.remoteVideo.subscribed).toEqual([false]);
      expect(room.remoteAudio.subscribed).toEqual([]);
    }
  });

  it('while audio-only, video the other person publishes later is not subscribed', async () => {
    const { room } = await startedCall();
    room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Poor, other);
    const later = { kind: Track.Kind.Video, subscribed: [] as boolean[], setSubscribed: (on: boolean) => void later.subscribed.push(on) };
    room.emit(RoomEvent.TrackPublished, later, other);
    expect(later.subscribed).toEqual([false]);
  });

  it('a good connection again does not turn video back on by itself; it says so, and the person turns it on', async () => {
    const { room, call, video } = await startedCall();
    room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Poor, me);
    room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Poor, other);
    room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Excellent, me);
    expect(call.state()).toMatchObject({ audioOnly: 'automatic', connectionRecovered: false });
    room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Good, other);
    await Promise.resolve();
    expect(call.state()).toMatchObject({ audioOnly: 'automatic', connectionRecovered: true });
    expect(video?.calls).toEqual(['pauseUpstream']);
    expect(room.remoteVideo.subscribed).toEqual([false]);

    await call.setAudioOnly(false);
    expect(call.state()).toMatchObject({ audioOnly: 'off', connectionRecovered: false });
    expect(video?.calls).toEqual(['pauseUpstream', 'resumeUpstream']);
    expect(room.remoteVideo.subscribed).toEqual([false, true]);
  });

  it('audio-only chosen by the button is not undone by quality reports', async () => {
    const { room, call, video } = await startedCall();
    await call.setAudioOnly(true);
    room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Poor, other);
    room.emit(RoomEvent.ConnectionQualityChanged, ConnectionQuality.Excellent, other);
    expect(call.state()).toMatchObject({ audioOnly: 'chosen', connectionRecovered: false });
    expect(video?.calls).toEqual(['pauseUpstream']);
  });

  it('mute and camera off mute the publications; turning the camera on during audio-only keeps video paused', async () => {
    const { call, audio, video } = await startedCall();
    await call.setMuted(true);
    await call.setMuted(false);
    expect(audio?.calls).toEqual(['mute', 'unmute']);
    await call.setAudioOnly(true);
    await call.setCameraOff(true);
    await call.setCameraOff(false);
    expect(video?.calls).toEqual(['pauseUpstream', 'mute', 'unmute', 'pauseUpstream']);
    expect(call.state()).toMatchObject({ muted: false, cameraOff: false, audioOnly: 'chosen' });
  });

  it('leaving disconnects from the room and stops listening to it', async () => {
    const { room, call } = await startedCall();
    await call.leave();
    expect(room.log.at(-1)).toBe('disconnect');
    expect(room.listenerCount()).toBe(0);
    expect(call.state().status).toBe('left');
  });

  it('a room that drops without the person leaving shows "dropped", not "left"', async () => {
    const { room, call } = await startedCall();
    room.emit(RoomEvent.Disconnected, DisconnectReason.SIGNAL_CLOSE);
    expect(call.state().status).toBe('dropped');
  });

  it('the room deleted at the session’s end is not shown as an error', async () => {
    const { room, call } = await startedCall();
    room.emit(RoomEvent.Disconnected, DisconnectReason.ROOM_DELETED);
    expect(call.state().status).toBe('left');
  });

  it('an unreachable video service ends in "failed" with nothing published, so the page can offer a retry', async () => {
    const { room, call } = await startedCall({ connectFails: true });
    expect(call.state().status).toBe('failed');
    expect(room.published).toHaveLength(0);
    expect(room.listenerCount()).toBe(0);
  });

  it('a join that never completes ends in "failed" after the timeout, and the room is disconnected', async () => {
    vi.useFakeTimers();
    try {
      const room = fakeLiveKitRoom();
      room.connect = () => new Promise<void>(() => undefined);
      const call = createLiveKitCall({
        room,
        url: 'wss://v',
        token: 't',
        local: { audio: mediaTrack('audio'), video: null },
        onChange: () => undefined,
        connectTimeoutMs: 5000,
      });
      const started = call.start();
      await vi.advanceTimersByTimeAsync(4999);
      expect(call.state().status).toBe('connecting');
      await vi.advanceTimersByTimeAsync(1);
      await started;
      expect(call.state().status).toBe('failed');
      expect(room.log).toContain('disconnect');
      expect(room.published).toHaveLength(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('leaving while still connecting disconnects once the connection is made and publishes nothing', async () => {
    const room = fakeLiveKitRoom();
    let finish: () => void = () => undefined;
    room.connect = (url: string, token: string) => {
      room.log.push(`connect ${url} ${token}`);
      return new Promise<void>((resolve) => (finish = resolve));
    };
    const call = createLiveKitCall({ room, url: 'wss://v', token: 't', local: { audio: mediaTrack('audio'), video: null }, onChange: () => undefined });
    const started = call.start();
    await call.leave();
    finish();
    await started;
    expect(room.published).toHaveLength(0);
    expect(room.log.filter((l) => l === 'disconnect').length).toBeGreaterThan(0);
    expect(call.state().status).toBe('left');
  });
});
