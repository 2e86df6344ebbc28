import type { SessionRoom } from '@tend/contracts';
import { Alert, Badge, Button, Grid, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { CaseChat } from '../../messaging/case-chat';
import { useRealtimeSocket } from '../../shell/realtime-socket';
import { ConfirmButton } from '../../ui/confirm-button';
import { QueryState } from '../../ui/query-state';
import { SessionTools } from './session-tools';
import { sessionRoomApi } from './session-room.api';
import type { SignalInbox } from './signal-inbox';
import { usePeerConnection } from './use-peer-connection';

type Props = { room: SessionRoom; inbox: SignalInbox; onEnd: () => void; ending: boolean; onLeave: () => void };

/** Camera and microphone, or whichever of them this device has; null when neither. */
async function localMedia(): Promise<MediaStream | null> {
  const media = navigator.mediaDevices;
  if (!media) return null;
  return (
    (await media.getUserMedia({ video: true, audio: true }).catch(() => null)) ??
    (await media.getUserMedia({ audio: true }).catch(() => null)) ??
    (await media.getUserMedia({ video: true }).catch(() => null))
  );
}

function useLocalMedia(): MediaStream | null | undefined {
  const [stream, setStream] = useState<MediaStream | null | undefined>(undefined);
  useEffect(() => {
    let current: MediaStream | null = null;
    let cancelled = false;
    void localMedia().then((next) => {
      if (cancelled) next?.getTracks().forEach((track) => track.stop());
      else setStream((current = next));
    });
    return () => {
      cancelled = true;
      current?.getTracks().forEach((track) => track.stop());
    };
  }, []);
  return stream;
}

function Video({ stream, muted, label, bytes }: { stream: MediaStream | null | undefined; muted: boolean; label: string; bytes?: number }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== (stream ?? null)) ref.current.srcObject = stream ?? null;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} data-bytes-received={bytes} className="session-video" />;
}

/** The call once the client is admitted: both videos, the controls, the shared tools and the case's chat. */
export function CallView({ room, inbox, onEnd, ending, onLeave }: Props) {
  const { t } = useTranslation();
  const socket = useRealtimeSocket();
  const video = useQuery({ queryKey: queryKeys.sessionVideo(room.session_id), queryFn: () => sessionRoomApi.video(room.session_id), staleTime: Infinity });
  const localStream = useLocalMedia();
  return (
    <QueryState query={video}>
      {(settings) =>
        settings.provider !== 'builtin' ? (
          // LiveKit rooms (ADR 0017) need livekit-client in the browser, which this app does not ship yet.
          <Alert color="yellow" title={t('sessionRoom.call.liveKitTitle')}>
            {t('sessionRoom.call.liveKitUnsupported')}
          </Alert>
        ) : (
          <Call
            room={room}
            inbox={inbox}
            onEnd={onEnd}
            ending={ending}
            onLeave={onLeave}
            socket={socket}
            localStream={localStream}
            iceServers={settings.ice_servers}
          />
        )
      }
    </QueryState>
  );
}

function Call({
  room,
  inbox,
  onEnd,
  ending,
  onLeave,
  socket,
  localStream,
  iceServers,
}: Props & {
  socket: ReturnType<typeof useRealtimeSocket>;
  localStream: MediaStream | null | undefined;
  iceServers: Parameters<typeof usePeerConnection>[0]['iceServers'];
}) {
  const { t } = useTranslation();
  const specialist = room.role === 'specialist';
  const { remoteStream, state, stats, sendVideo } = usePeerConnection({
    sessionId: room.session_id,
    polite: !specialist,
    iceServers,
    localStream,
    socket,
    inbox,
  });
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [audioOnly, setAudioOnly] = useState<'off' | 'chosen' | 'automatic'>('off');

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
    if (audioOnly !== 'off') sendVideo(false);
    else sendVideo(true);
  }, [audioOnly, sendVideo]);

  const hasVideo = Boolean(localStream?.getVideoTracks().length);
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm" component="section" aria-label={t('sessionRoom.call.regionLabel')}>
          <Group gap="xs">
            <Badge color={state === 'connected' ? 'teal' : state === 'reconnecting' ? 'orange' : 'gray'} variant="light" role="status" size="lg">
              {t(`sessionRoom.call.${state}`)}
            </Badge>
          </Group>
          <div className="session-stage">
            <Video stream={remoteStream} muted={false} label={t('sessionRoom.call.remoteVideo', { name: room.other.name })} bytes={stats.videoBytesReceived} />
            <div className="session-self">
              <Video stream={localStream} muted label={t('sessionRoom.call.localVideo')} />
            </div>
          </div>
          {localStream === null ? (
            <Alert color="orange" role="alert">
              {t('sessionRoom.call.noMedia')}
            </Alert>
          ) : null}
          {audioOnly !== 'off' ? (
            <Alert color="blue" role="status">
              {audioOnly === 'automatic' ? t('sessionRoom.call.audioOnlyAuto') : t('sessionRoom.call.audioOnlyOn')}
            </Alert>
          ) : null}
          <Group gap="xs">
            <Button variant="default" aria-pressed={muted} onClick={() => setMuted(!muted)} disabled={!localStream?.getAudioTracks().length}>
              {muted ? t('sessionRoom.call.unmute') : t('sessionRoom.call.mute')}
            </Button>
            <Button variant="default" aria-pressed={cameraOff} onClick={() => setCameraOff(!cameraOff)} disabled={!hasVideo}>
              {cameraOff ? t('sessionRoom.call.cameraOn') : t('sessionRoom.call.cameraOff')}
            </Button>
            <Button
              variant="default"
              aria-pressed={audioOnly !== 'off'}
              onClick={() => setAudioOnly(audioOnly === 'off' ? 'chosen' : 'off')}
              disabled={!hasVideo}
            >
              {audioOnly === 'off' ? t('sessionRoom.call.audioOnly') : t('sessionRoom.call.videoBack')}
            </Button>
            {specialist ? (
              <ConfirmButton
                size="sm"
                variant="filled"
                loading={ending}
                title={t('sessionRoom.call.endTitle')}
                question={t('sessionRoom.call.endQuestion')}
                confirmLabel={t('sessionRoom.call.end')}
                onConfirm={onEnd}
              >
                {t('sessionRoom.call.end')}
              </ConfirmButton>
            ) : (
              <Button variant="light" color="red" onClick={onLeave}>
                {t('sessionRoom.call.leave')}
              </Button>
            )}
          </Group>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Stack gap="md">
          <SessionTools sessionId={room.session_id} role={room.role} otherName={room.other.name} />
          {room.case_id ? (
            <CaseChat caseId={room.case_id} title={t('sessionRoom.chatTitle')} />
          ) : (
            <Paper withBorder p="md">
              <Text>{t('sessionRoom.brief.noCase')}</Text>
            </Paper>
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
