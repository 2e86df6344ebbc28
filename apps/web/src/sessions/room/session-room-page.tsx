import type { SessionRoom } from '@tend/contracts';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { errorMessage } from '../../i18n/error-message';
import { useRealtimeEvent } from '../../shell/realtime-socket';
import { QueryState } from '../../ui/query-state';
import { usePageTitle } from '../../ui/use-page-title';
import { CallView } from './call-view';
import { ClientLobby } from './client-lobby';
import { sessionRoomApi } from './session-room.api';
import { useSignalInbox } from './signal-inbox';
import { SpecialistLobby } from './specialist-lobby';
import { useViewerTime } from './viewer-time';

/** `/sessions/:id`: the live session for its specialist and its client, from the waiting room to the end. */
export function SessionRoomPage() {
  const { t } = useTranslation();
  usePageTitle(t('sessionRoom.pageTitle'));
  const { id = '' } = useParams();
  const room = useQuery({ queryKey: queryKeys.sessionRoom(id), queryFn: () => sessionRoomApi.room(id) });
  return <QueryState query={room}>{(data) => <Room room={data} />}</QueryState>;
}

type Stage = 'lobby' | 'waiting' | 'call' | 'ended';

function initialStage(room: SessionRoom): Stage {
  if (room.status === 'completed') return 'ended';
  if (room.status === 'in_progress' && room.admitted) return 'call';
  return 'lobby';
}

function Room({ room }: { room: SessionRoom }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const time = useViewerTime();
  const inbox = useSignalInbox(room.session_id);
  const [stage, setStage] = useState<Stage>(() => initialStage(room));
  const specialist = room.role === 'specialist';
  const after = `/sessions/${room.session_id}/after`;

  useRealtimeEvent<{ session_id: string }>('session.admitted', (event) => {
    if (event.session_id === room.session_id) setStage('call');
  });
  useRealtimeEvent<{ session_id: string }>('session.ended', (event) => {
    if (event.session_id !== room.session_id) return;
    setStage('ended');
    void queryClient.invalidateQueries({ queryKey: queryKeys.sessionRoom(room.session_id) });
  });
  // Events sent while this socket was away are not replayed: on a reconnect, ask where the session stands.
  useRealtimeEvent('connect', () => {
    if (specialist || (stage !== 'waiting' && stage !== 'lobby')) return;
    void sessionRoomApi.room(room.session_id).then((now) => {
      if (now.status === 'completed') setStage('ended');
      else if (now.status === 'in_progress' && now.admitted && stage === 'waiting') setStage('call');
    });
  });
  const end = useMutation({ mutationFn: () => sessionRoomApi.end(room.session_id), onSuccess: () => navigate(after) });

  const closed = room.status === 'cancelled' || room.status === 'no_show' || (specialist && room.status === 'completed');
  return (
    <Stack gap="md">
      <div>
        <Title order={1}>{t('sessionRoom.heading', { name: room.other.name })}</Title>
        <Text c="dimmed">{t('sessionRoom.when', { start: time.dateTime(room.starts_at), end: time.time(room.ends_at), zone: time.zone })}</Text>
      </div>
      {end.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(t, end.error)}
        </Alert>
      ) : null}
      {closed ? (
        <Stack gap="xs">
          <Text>{t('sessionRoom.notOpen', { status: t(`sessionRoom.status.${room.status}`) })}</Text>
          {specialist && room.status === 'completed' ? (
            <Anchor component={Link} to={after}>
              {t('sessionRoom.pageTitle')}
            </Anchor>
          ) : null}
        </Stack>
      ) : stage === 'ended' ? (
        <Paper withBorder p="md" role="status">
          <Title order={2} size="h3" mb="xs">
            {t('sessionRoom.ended')}
          </Title>
          <Text mb="sm">{t('sessionRoom.endedText')}</Text>
          <Group gap="md">
            {specialist ? null : (
              <Button component={Link} to={`/sessions/${room.session_id}/feedback`}>
                {t('sessionRoom.giveFeedback')}
              </Button>
            )}
            <Anchor component={Link} to="/">
              {t('sessionRoom.backHome')}
            </Anchor>
          </Group>
        </Paper>
      ) : stage === 'call' ? (
        <CallView room={room} inbox={inbox} onEnd={() => end.mutate()} ending={end.isPending} onLeave={() => navigate('/')} />
      ) : specialist ? (
        <SpecialistLobby sessionId={room.session_id} caseId={room.case_id} clientName={room.other.name} onAdmitted={() => setStage('call')} />
      ) : stage === 'waiting' ? (
        <Paper withBorder p="md" component="section" aria-labelledby="waiting-title">
          <Title order={2} size="h3" id="waiting-title" mb="xs">
            {t('sessionRoom.waiting.title')}
          </Title>
          <Text role="status">{t('sessionRoom.waiting.text')}</Text>
        </Paper>
      ) : (
        <ClientLobby sessionId={room.session_id} onJoined={(status) => setStage(status === 'admitted' ? 'call' : 'waiting')} />
      )}
    </Stack>
  );
}
