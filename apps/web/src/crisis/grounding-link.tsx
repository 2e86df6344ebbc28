import { Anchor, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Points to the breathing and 5-4-3-2-1 exercise, which needs neither a connection nor a sign-in. */
export function GroundingLink() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Text fw={700} mb={4}>
        {t('grounding.linkTitle')}
      </Text>
      <Text size="sm" mb="xs">
        {t('grounding.linkText')}
      </Text>
      <Anchor component={Link} to="/calm">
        {t('grounding.open')}
      </Anchor>
    </Paper>
  );
}
