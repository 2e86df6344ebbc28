import type { SessionRoom } from '@tend/contracts';
import { Alert, Button, Center, Grid, Group, Loader, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { errorMessage } from '../../i18n/error-message';
import { CaseChat } from '../../messaging/case-chat';
import { BuiltinCall } from './builtin-call';
import { type CallExit, CallExitButton } from './call-panel';
import { useLocalMedia } from './local-media';
import { sessionRoomApi } from './session-room.api';
import { SessionTools } from './session-tools';
import type { SignalInbox } from './signal-inbox';

// livekit-client is loaded only when the practice's video runs on LiveKit (ADR 0023).
const LiveKitCall = lazy(() => import('./livekit-call'));

type Props = CallExit & { room: SessionRoom; inbox: SignalInbox };

/** The call once the client is admitted: the video on the provider the practice runs, the shared tools and the case's chat. */
export function CallView({ room, inbox, ...exit }: Props) {
  const { t } = useTranslation();
  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Video room={room} inbox={inbox} {...exit} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        {/* The tools and the chat run over Tend's own connection, whichever video service carries the call. */}
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

function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader />
      <VisuallyHidden>{t('sessionRoom.call.connecting')}</VisuallyHidden>
    </Center>
  );
}

function Video({ room, inbox, ...exit }: Props) {
  const { t } = useTranslation();
  const video = useQuery({
    queryKey: queryKeys.sessionVideo(room.session_id),
    queryFn: () => sessionRoomApi.video(room.session_id),
    staleTime: Infinity,
    retry: false,
  });
  const localStream = useLocalMedia();
  // A retry mounts a new LiveKit call with a fresh token, even if the token came back the same.
  const [attempt, setAttempt] = useState(0);
  const retry = () => void video.refetch().then(() => setAttempt((n) => n + 1));

  if (video.isPending) return <Loading />;
  if (video.isError) {
    return (
      <Stack gap="sm" component="section" aria-label={t('sessionRoom.call.regionLabel')}>
        <Alert color="red" role="alert" title={t('sessionRoom.call.videoUnavailableTitle')}>
          {errorMessage(t, video.error)}
        </Alert>
        <Group gap="xs">
          <Button onClick={retry} loading={video.isFetching}>
            {t('sessionRoom.call.retry')}
          </Button>
          <CallExitButton room={room} {...exit} />
        </Group>
      </Stack>
    );
  }
  const settings = video.data;
  if (settings.provider === 'builtin') {
    return <BuiltinCall room={room} inbox={inbox} iceServers={settings.ice_servers} localStream={localStream} {...exit} />;
  }
  return (
    <Suspense fallback={<Loading />}>
      <LiveKitCall key={attempt} room={room} join={settings} localStream={localStream} onRetry={retry} retrying={video.isFetching} {...exit} />
    </Suspense>
  );
}
