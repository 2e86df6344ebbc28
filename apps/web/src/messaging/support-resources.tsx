import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CrisisLinesList } from '../crisis/crisis-lines-list';
import type { CrisisResources } from '../crisis/crisis.api';

/** Shown to a client when their message suggests they may be at risk: help, never a block. */
export function SupportResources({ resources, onClose }: { resources: CrisisResources; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" role="region" aria-labelledby="chat-support-title" style={{ borderColor: 'var(--mantine-color-red-filled)' }}>
      <Stack gap="sm">
        <Title order={3} size="h4" id="chat-support-title">
          {t('chat.support.title')}
        </Title>
        <Text role="alert">{t('chat.support.body')}</Text>
        <CrisisLinesList lines={resources.lines} />
        <Group gap="md" wrap="wrap">
          <Anchor component={Link} to="/safety-plan">
            {t('chat.support.safetyPlan')}
          </Anchor>
          <Anchor component={Link} to="/crisis">
            {t('chat.support.helpNow')}
          </Anchor>
        </Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('chat.support.close')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
