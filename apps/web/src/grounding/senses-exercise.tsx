import { List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const senses = ['see', 'touch', 'hear', 'smell', 'taste'] as const;

/** The 5-4-3-2-1 exercise as plain text: name things you notice with each sense, counting down. */
export function SensesExercise() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="senses-heading">
      <Title order={2} size="h3" id="senses-heading" mb="xs">
        {t('grounding.sensesTitle')}
      </Title>
      <Text mb="xs">{t('grounding.sensesIntro')}</Text>
      <List spacing={4}>
        {senses.map((sense) => (
          <List.Item key={sense}>{t(`grounding.senses.${sense}`)}</List.Item>
        ))}
      </List>
      <Text mt="xs">{t('grounding.sensesAfter')}</Text>
    </Paper>
  );
}
