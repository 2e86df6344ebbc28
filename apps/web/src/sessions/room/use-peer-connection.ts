import type { IceServer, SocketAck } from '@tend/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Socket } from 'socket.io-client';
import { type QualityVerdict, qualityJudge } from './call-quality-judge';
import type { IncomingSignal, SignalInbox } from './signal-inbox';

export type CallState = 'connecting' | 'connected' | 'reconnecting';

/** How long ICE may stay "disconnected" before the specialist restarts it. */
const RESTART_AFTER_MS = 2500;
/** How long an offer may go unanswered before this side takes it back and offers again. */
const REOFFER_AFTER_MS = 6000;
/** How long ICE may stay unconnected after an answer before the specialist restarts it (lost candidates). */
const UNCONNECTED_RESTART_MS = 10_000;
const STATS_EVERY_MS = 1000;

type Options = {
  sessionId: string;
  /** The client is the polite peer: on an offer collision it yields to the specialist's offer. */
  polite: boolean;
  iceServers: IceServer[];
  /** null: no camera or microphone (receive only); undefined: still asking for them. */
  localStream: MediaStream | null | undefined;
  socket: Socket | null;
  inbox: SignalInbox;
};

type Stats = QualityVerdict & { videoBytesReceived: number };

/**
 * The 1:1 call as "perfect negotiation": both sides offer when they need to, the client yields on a
 * collision. ICE that drops is restarted (shown as reconnecting); stats are read every second for the
 * bytes received and for loss or low bandwidth while connected, which turn on audio-only.
 *
 * Signals are relayed to the other person's open connections only, so one can be lost (their phone dropped off
 * the network for a moment). An offer left unanswered is taken back and made again, with ICE restarted; without
 * that, a lost offer leaves both sides waiting for each other, and each ignores (or yields to) the other's.
 */
export function usePeerConnection({ sessionId, polite, iceServers, localStream, socket, inbox }: Options) {
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [state, setState] = useState<CallState>('connecting');
  const [stats, setStats] = useState<Stats>({ videoBytesReceived: 0, poor: false, steady: true });
  const videoSender = useRef<RTCRtpSender | null>(null);
  // Whether this side sends its video (not in audio-only): a new connection (after a reload of theirs) keeps it.
  const videoOn = useRef(true);
  // Bumped to start over with a new connection when the other side did (they reloaded the page).
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!socket || localStream === undefined) return;
    const pc = new RTCPeerConnection({ iceServers });
    let makingOffer = false;
    let ignoreOffer = false;
    let restartTimer: number | undefined;
    let queue: Promise<void> = Promise.resolve();
    let offeredAt = 0;
    let agreedAt = Date.now();
    pc.onsignalingstatechange = () => {
      if (pc.signalingState === 'stable') agreedAt = Date.now();
    };
    const send = (message: Record<string, unknown>) =>
      socket.timeout(10_000).emit('session.signal', { session_id: sessionId, ...message }, (_error: Error | null, _ack?: SocketAck) => undefined);

    if (localStream) {
      for (const track of localStream.getTracks()) {
        const sender = pc.addTrack(track, localStream);
        if (track.kind !== 'video') continue;
        videoSender.current = sender;
        if (!videoOn.current) void sender.replaceTrack(null).catch(() => undefined);
      }
    } else {
      // Without a camera or microphone this side still receives the other's sound and picture.
      pc.addTransceiver('audio', { direction: 'recvonly' });
      pc.addTransceiver('video', { direction: 'recvonly' });
    }
    pc.ontrack = ({ track, streams }) => setRemoteStream((current) => streams[0] ?? current ?? new MediaStream([track]));
    pc.onicecandidate = ({ candidate }) => {
      if (candidate) send({ candidate: candidate.toJSON() });
    };
    pc.onnegotiationneeded = async () => {
      try {
        makingOffer = true;
        await pc.setLocalDescription();
        const description = pc.localDescription;
        if (description) send({ description: { type: description.type, sdp: description.sdp } });
        offeredAt = Date.now();
      } catch {
        // A newer negotiation replaces this one.
      } finally {
        makingOffer = false;
      }
    };
    pc.oniceconnectionstatechange = () => {
      const ice = pc.iceConnectionState;
      window.clearTimeout(restartTimer);
      if (ice === 'connected' || ice === 'completed') setState('connected');
      else if (ice === 'failed') {
        setState('reconnecting');
        pc.restartIce();
      } else if (ice === 'disconnected') {
        setState('reconnecting');
        if (!polite) restartTimer = window.setTimeout(() => pc.iceConnectionState === 'disconnected' && pc.restartIce(), RESTART_AFTER_MS);
      }
    };

    let closed = false;
    const receive = async (signal: IncomingSignal) => {
      if (closed) return inbox.putBack(signal);
      const { description, candidate } = signal as { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };
      if (description) {
        const collision = description.type === 'offer' && (makingOffer || pc.signalingState !== 'stable');
        ignoreOffer = !polite && collision;
        if (ignoreOffer) return;
        try {
          await pc.setRemoteDescription(description);
        } catch (error) {
          // An offer from a new connection of theirs (a reload) cannot renegotiate this one: start over with it.
          if (description.type !== 'offer') throw error;
          closed = true;
          inbox.putBack(signal, true);
          setGeneration((n) => n + 1);
          return;
        }
        if (description.type === 'offer') {
          await pc.setLocalDescription();
          const answer = pc.localDescription;
          if (answer) send({ description: { type: answer.type, sdp: answer.sdp } });
        }
      } else if (candidate) {
        // A candidate of an offer this side ignored is expected to fail; any other is retried by ICE itself.
        await pc.addIceCandidate(candidate).catch(() => undefined);
      }
    };
    // One message at a time, in the order they came.
    inbox.listen((signal) => {
      queue = queue.then(() => receive(signal)).catch(() => undefined);
    });

    // In the same queue as what arrives, so an answer that does come is never taken back half-way.
    const unanswered = window.setInterval(() => {
      queue = queue
        .then(async () => {
          if (closed) return;
          const ice = pc.iceConnectionState;
          // Agreed, but the candidates never met (some were lost): the specialist starts ICE over.
          if (!polite && pc.signalingState === 'stable' && (ice === 'new' || ice === 'checking') && Date.now() - agreedAt > UNCONNECTED_RESTART_MS) {
            agreedAt = Date.now();
            pc.restartIce();
            return;
          }
          if (pc.signalingState !== 'have-local-offer' || Date.now() - offeredAt < REOFFER_AFTER_MS) return;
          await pc.setLocalDescription({ type: 'rollback' });
          pc.restartIce(); // negotiation is needed again: a new offer, with new candidates
        })
        .catch(() => undefined);
    }, STATS_EVERY_MS);

    const judge = qualityJudge();
    const readStats = async () => {
      const report = await pc.getStats().catch(() => null);
      if (!report) return;
      let bytes = 0;
      let lost = 0;
      let received = 0;
      let outgoing: number | null = null;
      report.forEach((entry: Record<string, unknown>) => {
        if (entry.type === 'inbound-rtp') {
          if (entry.kind === 'video') bytes += Number(entry.bytesReceived ?? 0);
          lost += Number(entry.packetsLost ?? 0);
          received += Number(entry.packetsReceived ?? 0);
        }
        if (entry.type === 'candidate-pair' && entry.nominated && typeof entry.availableOutgoingBitrate === 'number') outgoing = entry.availableOutgoingBitrate;
      });
      const connected = pc.iceConnectionState === 'connected' || pc.iceConnectionState === 'completed';
      setStats({ videoBytesReceived: bytes, ...judge({ connected, packets: { lost, received }, outgoingBitrate: videoOn.current ? outgoing : null }) });
    };
    const poll = window.setInterval(() => void readStats(), STATS_EVERY_MS);

    return () => {
      closed = true;
      inbox.listen(null);
      window.clearInterval(poll);
      window.clearInterval(unanswered);
      window.clearTimeout(restartTimer);
      pc.close();
      videoSender.current = null;
    };
  }, [sessionId, polite, iceServers, localStream, socket, inbox, generation]);

  /** Stops or resumes sending this side's video without renegotiating (audio-only). */
  const sendVideo = useCallback(
    (on: boolean) => {
      const track = localStream?.getVideoTracks()[0] ?? null;
      videoOn.current = on;
      void videoSender.current?.replaceTrack(on ? track : null).catch(() => undefined);
    },
    [localStream],
  );

  return { remoteStream, state, stats, sendVideo };
}
