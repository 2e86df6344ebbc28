import { Alert, Button, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../../api/query-keys';
import { errorMessage } from '../../i18n/error-message';
import { messagingApi } from '../../messaging/messaging.api';
import { useRealtimeEvent } from '../../shell/realtime-socket';
import { QueryState } from '../../ui/query-state';
import { placeName } from './places';
import { type SessionBrief, sessionRoomApi, type WaitingRoom } from './session-room.api';
import { useViewerTime } from './viewer-time';

type Props = { sessionId: string; caseId: string | null; clientName: string; onAdmitted: () => void };

/** The specialist before the call: who waits and where, a licence warning, the telehealth consent, the brief, and "Admit". */
export function SpecialistLobby({ sessionId, caseId, clientName, onAdmitted }: Props) {
  const { t } = useTranslation();
  const waiting = useQuery({ queryKey: queryKeys.waitingRoom(sessionId), queryFn: () => sessionRoomApi.waitingRoom(sessionId), refetchInterval: 10_000 });
  const brief = useQuery({ queryKey: queryKeys.sessionBrief(sessionId), queryFn: () => sessionRoomApi.brief(sessionId) });
  useRealtimeEvent<{ session_id: string }>('session.waiting', (event) => {
    if (event.session_id === sessionId) void waiting.refetch();
  });
  // The case's chat is opened here, before the call, so the two people do not both open it at the same moment.
  useQuery({
    queryKey: queryKeys.conversationForCase(caseId ?? 'none'),
    queryFn: () => messagingApi.openForCase(caseId as string),
    enabled: caseId !== null,
    staleTime: Infinity,
  });
  const admit = useMutation({ mutationFn: () => sessionRoomApi.admit(sessionId), onSuccess: onAdmitted });

  return (
    <Stack gap="md">
      <Paper withBorder p="md" component="section" aria-labelledby="lobby-title">
        <Title order={2} size="h3" id="lobby-title" mb="xs">
          {t('sessionRoom.lobby.title')}
        </Title>
        <QueryState query={waiting}>
          {(room) => (
            <>
              <WaitingDetails room={room} clientName={clientName} />
              {room.telehealth_consent === 'granted' ? null : (
                <Alert color="orange" role="note" mt="sm" title={t('sessionRoom.lobby.telehealthConsentTitle')}>
                  {t(`sessionRoom.lobby.telehealthConsent_${room.telehealth_consent}`, { name: clientName })}
                </Alert>
              )}
            </>
          )}
        </QueryState>
        {admit.isError ? (
          <Alert color="red" role="alert" mt="sm">
            {errorMessage(t, admit.error)}
          </Alert>
        ) : null}
        <Button mt="md" disabled={!waiting.data?.waiting} loading={admit.isPending} onClick={() => admit.mutate()}>
          {t('sessionRoom.lobby.admit', { name: clientName })}
        </Button>
      </Paper>
      <QueryState query={brief}>{(data) => <Brief brief={data} />}</QueryState>
    </Stack>
  );
}

function WaitingDetails({ room, clientName }: { room: WaitingRoom; clientName: string }) {
  const { t, i18n } = useTranslation();
  const time = useViewerTime();
  if (!room.waiting || !room.client_location) return <Text aria-live="polite">{t('sessionRoom.lobby.nobody', { name: clientName })}</Text>;
  const location = placeName(room.client_location, i18n.language);
  const check = room.device_check;
  const word = (value: unknown) =>
    value === 'ok' || value === 'good'
      ? t('sessionRoom.device.ok')
      : value === 'slow'
        ? t('sessionRoom.device.slow', { ms: check?.round_trip_ms ?? 0 })
        : t('sessionRoom.device.failed');
  return (
    <Stack gap="xs" aria-live="polite">
      <Text fw={600}>{t('sessionRoom.lobby.waiting', { name: clientName, time: room.joined_at ? `${time.time(room.joined_at)} (${time.zone})` : '' })}</Text>
      <Text>{t('sessionRoom.lobby.location', { location })}</Text>
      {check ? (
        <Text size="sm">
          {t('sessionRoom.lobby.deviceCheck', { camera: word(check.camera), microphone: word(check.microphone), connection: word(check.connection) })}
        </Text>
      ) : null}
      {room.licence_warning ? (
        <Alert color="orange" title={t('sessionRoom.lobby.licenceWarningTitle')}>
          {t('sessionRoom.lobby.licenceWarning', { name: clientName, location })}
        </Alert>
      ) : null}
    </Stack>
  );
}

function Brief({ brief }: { brief: SessionBrief }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="brief-title">
      <Title order={2} size="h3" id="brief-title" mb="xs">
        {t('sessionRoom.brief.title')}
      </Title>
      {!brief.case_id ? <Text>{t('sessionRoom.brief.noCase')}</Text> : null}
      <Title order={3} size="h5" mt="sm">
        {t('sessionRoom.brief.lastPlan')}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{brief.last_plan ?? t('sessionRoom.brief.noPlan')}</Text>
      <Title order={3} size="h5" mt="sm">
        {t('sessionRoom.brief.goals')}
      </Title>
      {brief.goals.length ? (
        <List>
          {brief.goals.map((goal) => (
            <List.Item key={goal.id}>{goal.title}</List.Item>
          ))}
        </List>
      ) : (
        <Text>{t('sessionRoom.brief.noGoals')}</Text>
      )}
      <Text mt="sm" fw={brief.open_alerts || brief.open_flags.length ? 700 : undefined}>
        {brief.open_alerts || brief.open_flags.length
          ? [
              brief.open_alerts ? t('sessionRoom.brief.alerts', { count: brief.open_alerts }) : null,
              brief.open_flags.length ? t('sessionRoom.brief.flags', { levels: brief.open_flags.map((f) => f.level).join(', ') }) : null,
            ]
              .filter(Boolean)
              .join(' · ')
          : t('sessionRoom.brief.noAlerts')}
      </Text>
    </Paper>
  );
}
