import type { SessionTool, SocketAck } from '@tend/contracts';
import { Paper, Slider, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BreathingGuide } from '../../grounding/breathing-guide';
import { notify } from '../../ui/notify';
import { useRealtimeEvent, useRealtimeSocket } from '../../shell/realtime-socket';

type Props = { sessionId: string; role: 'specialist' | 'client'; otherName: string };
type ToolEvent = SessionTool & { from: string };
type Scale = { value: number; by: 'me' | 'other' } | null;

/**
 * In-session tools shared live between the two: the breathing guide, which the specialist starts on both
 * screens, and a 0–10 scale either of them moves (docs/adr: the last move wins).
 */
export function SessionTools({ sessionId, role, otherName }: Props) {
  const { t } = useTranslation();
  const socket = useRealtimeSocket();
  const [breathing, setBreathing] = useState(false);
  const [scale, setScale] = useState<Scale>(null);
  const [announcement, setAnnouncement] = useState('');

  useRealtimeEvent<ToolEvent>('session.tool', (event) => {
    if (event.session_id !== sessionId) return;
    if (event.tool === 'breathing') {
      setBreathing(event.action === 'start');
      setAnnouncement(event.action === 'start' ? t('sessionRoom.tools.breathingStarted') : '');
    } else {
      setScale({ value: event.value, by: 'other' });
      setAnnouncement(t('sessionRoom.tools.scaleMovedBy', { name: otherName, value: event.value }));
    }
  });

  const send = (tool: Record<string, unknown>) =>
    socket?.timeout(5000).emit('session.tool', { session_id: sessionId, ...tool }, (error: Error | null, ack?: SocketAck) => {
      const reason = error ? error.message : ack && !ack.ok ? ack.error.message : null;
      if (reason) notify({ color: 'red', message: t('sessionRoom.tools.sendFailed', { reason }) });
    });
  const toggleBreathing = (running: boolean) => {
    setBreathing(running);
    send({ tool: 'breathing', action: running ? 'start' : 'stop' });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="tools-title">
      <Stack gap="md">
        <Title order={2} size="h3" id="tools-title">
          {t('sessionRoom.tools.title')}
        </Title>
        <VisuallyHidden aria-live="polite">{announcement}</VisuallyHidden>
        {role === 'specialist' || breathing ? (
          <div data-testid="session-breathing" data-running={breathing}>
            <BreathingGuide running={breathing} onToggle={role === 'specialist' ? toggleBreathing : undefined} />
          </div>
        ) : null}
        <section aria-labelledby="scale-title" data-testid="shared-scale" data-value={scale?.value ?? ''}>
          <Title order={3} size="h4" id="scale-title" mb={4}>
            {t('sessionRoom.tools.scaleTitle')}
          </Title>
          <Text size="sm" mb="sm" id="scale-question">
            {t('sessionRoom.tools.scaleLabel')}
          </Text>
          <Slider
            min={0}
            max={10}
            step={1}
            value={scale?.value ?? 0}
            onChange={(value) => {
              setScale({ value, by: 'me' });
              send({ tool: 'scale', value });
            }}
            marks={[0, 2, 4, 6, 8, 10].map((value) => ({ value, label: String(value) }))}
            thumbLabel={t('sessionRoom.tools.scaleLabel')}
            label={null}
            mb="xl"
          />
          <Text fw={600} mt="lg">
            {scale
              ? scale.by === 'other'
                ? t('sessionRoom.tools.scaleMovedBy', { name: otherName, value: scale.value })
                : t('sessionRoom.tools.scaleValue', { value: scale.value })
              : t('sessionRoom.tools.scaleNotSet')}
          </Text>
        </section>
      </Stack>
    </Paper>
  );
}
