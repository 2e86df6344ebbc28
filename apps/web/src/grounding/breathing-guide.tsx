import { Box, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { breathingStep } from './breathing-phases';

/**
 * A circle that grows while you breathe in, stays while you hold and shrinks while you breathe out, with a
 * countdown. With reduced motion it does not move; the words and the countdown carry the pace.
 */
export function BreathingGuide() {
  const { t } = useTranslation();
  const [elapsed, setElapsed] = useState<number | null>(null);
  const running = elapsed !== null;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setElapsed((seconds) => (seconds === null ? null : seconds + 1)), 1000);
    return () => window.clearInterval(timer);
  }, [running]);
  const step = running ? breathingStep(elapsed) : null;

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
        <Group>
          <Button onClick={() => setElapsed(running ? null : 0)} variant={running ? 'default' : 'filled'}>
            {running ? t('grounding.stop') : t('grounding.start')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
