import type { LiveKitJoinInfo, SessionRoom } from '@tend/contracts';
import { Alert, Button, Group, Stack } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CallExit, CallExitButton, CallPanel } from './call-panel';
import { newCallRoom } from './livekit-room';
import { createLiveKitCall, type LiveKitCall as Controller, type LiveKitCallState } from './livekit-call.controller';

type Props = CallExit & {
  room: SessionRoom;
  join: LiveKitJoinInfo;
  localStream: MediaStream | null | undefined;
  /** Asks for a fresh join token and mounts a new call. */
  onRetry: () => void;
  retrying: boolean;
};

/**
 * The session's call in the practice's LiveKit room (ADR 0017, 0022). Loaded on demand, so the built-in
 * call's pages do not carry livekit-client.
 */
export default function LiveKitCall({ room, join, localStream, onRetry, retrying, ...exit }: Props) {
  const { t } = useTranslation();
  const [call, setCall] = useState<Controller | null>(null);
  const [state, setState] = useState<LiveKitCallState | null>(null);

  useEffect(() => {
    if (localStream === undefined) return;
    const controller = createLiveKitCall({
      room: newCallRoom(),
      url: join.url,
      token: join.token,
      local: { audio: localStream?.getAudioTracks()[0] ?? null, video: localStream?.getVideoTracks()[0] ?? null },
      onChange: setState,
    });
    setCall(controller);
    setState(controller.state());
    void controller.start();
    return () => void controller.leave();
  }, [join.url, join.token, localStream]);

  const remoteTracks = state?.remoteTracks;
  const remoteStream = useMemo(() => (remoteTracks?.length ? new MediaStream(remoteTracks) : null), [remoteTracks]);

  if (state?.status === 'failed' || state?.status === 'dropped') {
    return (
      <Stack gap="sm" component="section" aria-label={t('sessionRoom.call.regionLabel')}>
        <Alert
          color="red"
          role="alert"
          title={state.status === 'failed' ? t('sessionRoom.call.liveKitFailedTitle') : t('sessionRoom.call.liveKitDroppedTitle')}
        >
          {t('sessionRoom.call.liveKitFailedText')}
        </Alert>
        <Group gap="xs">
          <Button onClick={onRetry} loading={retrying}>
            {t('sessionRoom.call.retry')}
          </Button>
          <CallExitButton room={room} {...exit} />
        </Group>
      </Stack>
    );
  }
  const status = state?.status === 'connected' || state?.status === 'reconnecting' ? state.status : 'connecting';
  return (
    <CallPanel
      room={room}
      status={status}
      remoteStream={remoteStream}
      localStream={localStream}
      muted={state?.muted ?? false}
      onMuted={(muted) => void call?.setMuted(muted)}
      cameraOff={state?.cameraOff ?? false}
      onCameraOff={(off) => void call?.setCameraOff(off)}
      audioOnly={state?.audioOnly ?? 'off'}
      onAudioOnly={(on) => void call?.setAudioOnly(on)}
      connectionRecovered={state?.connectionRecovered ?? false}
      {...exit}
    />
  );
}
