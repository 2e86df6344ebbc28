import type { IceServer, SessionRoom } from '@tend/contracts';
import { useEffect, useState } from 'react';
import { useRealtimeSocket } from '../../shell/realtime-socket';
import { type AudioOnlyMode, type CallExit, CallPanel } from './call-panel';
import type { SignalInbox } from './signal-inbox';
import { usePeerConnection } from './use-peer-connection';

type Props = CallExit & { room: SessionRoom; inbox: SignalInbox; iceServers: IceServer[]; localStream: MediaStream | null | undefined };

/** The built-in 1:1 WebRTC call, signalled over Tend's Socket.IO (ADR 0018). */
export function BuiltinCall({ room, inbox, iceServers, localStream, ...exit }: Props) {
  const socket = useRealtimeSocket();
  const { remoteStream, state, stats, sendVideo } = usePeerConnection({
    sessionId: room.session_id,
    polite: room.role !== 'specialist',
    iceServers,
    localStream,
    socket,
    inbox,
  });
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [audioOnly, setAudioOnly] = useState<AudioOnlyMode>('off');

  useEffect(() => {
    localStream?.getAudioTracks().forEach((track) => (track.enabled = !muted));
  }, [localStream, muted]);
  useEffect(() => {
    localStream?.getVideoTracks().forEach((track) => (track.enabled = !cameraOff));
  }, [localStream, cameraOff]);
  useEffect(() => {
    if (stats.poor && audioOnly === 'off') setAudioOnly('automatic');
  }, [stats.poor, audioOnly]);
  useEffect(() => {
    sendVideo(audioOnly === 'off');
  }, [audioOnly, sendVideo]);

  return (
    <CallPanel
      room={room}
      status={state}
      remoteStream={remoteStream}
      localStream={localStream}
      bytesReceived={stats.videoBytesReceived}
      muted={muted}
      onMuted={setMuted}
      cameraOff={cameraOff}
      onCameraOff={setCameraOff}
      audioOnly={audioOnly}
      onAudioOnly={(on) => setAudioOnly(on ? 'chosen' : 'off')}
      connectionRecovered={audioOnly === 'automatic' && stats.steady}
      {...exit}
    />
  );
}
