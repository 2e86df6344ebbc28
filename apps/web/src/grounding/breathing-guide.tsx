import { Box, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breathingStep } from './breathing-phases';

type Props = {
  /** Set when someone else runs the guide (a specialist in a live session); the guide then follows it. */
  running?: boolean;
  /** Called by the start/stop button in place of running it here; without `running` or this, the button runs it. */
  onToggle?: (running: boolean) => void;
};

/**
 * A circle that grows while you breathe in, stays while you hold and shrinks while you breathe out, with a
 * countdown. With reduced motion it does not move; the words and the countdown carry the pace.
 */
export function BreathingGuide({ running: controlled, onToggle }: Props = {}) {
  const { t } = useTranslation();
  const [elapsed, setElapsed] = useState<number | null>(null);
  const running = controlled ?? elapsed !== null;
  useEffect(() => {
    if (!running) {
      setElapsed(null);
      return;
    }
    setElapsed(0);
    const timer = window.setInterval(() => setElapsed((seconds) => (seconds ?? 0) + 1), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  const toggle = () => {
    if (onToggle) onToggle(!running);
    else if (controlled === undefined) setElapsed(running ? null : 0);
  };
  const hasButton = onToggle !== undefined || controlled === undefined;
  const step = running && elapsed !== null ? breathingStep(elapsed) : null;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="breathing-heading">
      <Title order={2} size="h3" id="breathing-heading" mb="xs">
        {t('grounding.breathingTitle')}
      </Title>
      <List type="ordered" spacing={4} mb="md">
        <List.Item>{t('grounding.breathingSteps.settle')}</List.Item>
        <List.Item>{t('grounding.breathingSteps.in')}</List.Item>
        <List.Item>{t('grounding.breathingSteps.hold')}</List.Item>
        <List.Item>{t('grounding.breathingSteps.out')}</List.Item>
        <List.Item>{t('grounding.breathingSteps.repeat')}</List.Item>
      </List>
      <Stack align="center" gap="sm">
        <Box className="breathing-circle" data-phase={step?.phase ?? 'idle'} aria-hidden>
          <span className="breathing-count">{step ? step.secondsLeft : ''}</span>
        </Box>
        <Text fw={700} size="lg" aria-live="polite" mih={28}>
          {step ? t(`grounding.phase.${step.phase}`) : ''}
        </Text>
        {hasButton ? (
          <Group>
            <Button onClick={toggle} variant={running ? 'default' : 'filled'}>
              {running ? t('grounding.stop') : t('grounding.start')}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}
