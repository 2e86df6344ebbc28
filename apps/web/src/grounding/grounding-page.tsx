import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../ui/use-page-title';
import { BreathingGuide } from './breathing-guide';
import { SensesExercise } from './senses-exercise';

/** Two grounding exercises that need neither a sign-in nor a connection, one tap from the crisis lines. */
export function GroundingPage() {
  const { t } = useTranslation();
  usePageTitle(t('grounding.title'));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('grounding.title')}</Title>
      <Text>{t('grounding.intro')}</Text>
      <Alert color="red" variant="light" title={t('crisis.dangerTitle')}>
        <Anchor component={Link} to="/crisis" c="var(--mantine-color-text)" fw={600}>
          {t('grounding.crisisLink')}
        </Anchor>
      </Alert>
      <BreathingGuide />
      <SensesExercise />
    </Stack>
  );
}
