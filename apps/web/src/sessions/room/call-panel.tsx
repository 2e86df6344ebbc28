import type { SessionRoom } from '@tend/contracts';
import { Alert, Badge, Button, Group, Stack } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../ui/confirm-button';

export type CallStatus = 'connecting' | 'connected' | 'reconnecting';
export type AudioOnlyMode = 'off' | 'chosen' | 'automatic';

/** What ends the call for this person: the specialist ends the session, the client leaves. */
export type CallExit = { onEnd: () => void; ending: boolean; onLeave: () => void };

type Props = CallExit & {
  room: SessionRoom;
  status: CallStatus;
  remoteStream: MediaStream | null;
  localStream: MediaStream | null | undefined;
  /** Video bytes received so far, for the E2E checks of the built-in call. */
  bytesReceived?: number;
  muted: boolean;
  onMuted: (muted: boolean) => void;
  cameraOff: boolean;
  onCameraOff: (off: boolean) => void;
  audioOnly: AudioOnlyMode;
  onAudioOnly: (on: boolean) => void;
  /** Audio-only came on by itself and the connection is good again. */
  connectionRecovered?: boolean;
};

function Video({ stream, muted, label, bytes }: { stream: MediaStream | null | undefined; muted: boolean; label: string; bytes?: number }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current && ref.current.srcObject !== (stream ?? null)) ref.current.srcObject = stream ?? null;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted={muted} aria-label={label} data-bytes-received={bytes} className="session-video" />;
}

/** The call as both providers show it: status, the two videos, what is paused, and the controls. */
export function CallPanel(props: Props) {
  const { t } = useTranslation();
  const { room, status, localStream, muted, cameraOff, audioOnly } = props;
  const hasVideo = Boolean(localStream?.getVideoTracks().length);
  return (
    <Stack gap="sm" component="section" aria-label={t('sessionRoom.call.regionLabel')}>
      <Group gap="xs">
        <Badge color={status === 'connected' ? 'teal' : status === 'reconnecting' ? 'orange' : 'gray'} variant="light" role="status" size="lg">
          {t(`sessionRoom.call.${status}`)}
        </Badge>
      </Group>
      <div className="session-stage">
        <Video stream={props.remoteStream} muted={false} label={t('sessionRoom.call.remoteVideo', { name: room.other.name })} bytes={props.bytesReceived} />
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
          {audioOnly === 'chosen'
            ? t('sessionRoom.call.audioOnlyOn')
            : props.connectionRecovered
              ? t('sessionRoom.call.audioOnlyRecovered')
              : t('sessionRoom.call.audioOnlyAuto')}
        </Alert>
      ) : null}
      <Group gap="xs">
        <Button variant="default" aria-pressed={muted} onClick={() => props.onMuted(!muted)} disabled={!localStream?.getAudioTracks().length}>
          {muted ? t('sessionRoom.call.unmute') : t('sessionRoom.call.mute')}
        </Button>
        <Button variant="default" aria-pressed={cameraOff} onClick={() => props.onCameraOff(!cameraOff)} disabled={!hasVideo}>
          {cameraOff ? t('sessionRoom.call.cameraOn') : t('sessionRoom.call.cameraOff')}
        </Button>
        <Button variant="default" aria-pressed={audioOnly !== 'off'} onClick={() => props.onAudioOnly(audioOnly === 'off')} disabled={!hasVideo}>
          {audioOnly === 'off' ? t('sessionRoom.call.audioOnly') : t('sessionRoom.call.videoBack')}
        </Button>
        <CallExitButton {...props} />
      </Group>
    </Stack>
  );
}

/** "End session" (with a confirmation) for the specialist, "Leave the call" for the client. */
export function CallExitButton({ room, onEnd, ending, onLeave }: CallExit & { room: SessionRoom }) {
  const { t } = useTranslation();
  return room.role === 'specialist' ? (
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
  );
}
