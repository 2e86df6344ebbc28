import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CrisisLine } from './crisis.api';

/** Crisis lines as big tap-to-call buttons; a line the reference could not confirm says so. */
export function CrisisLinesList({ lines }: { lines: CrisisLine[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'uk' ? 'uk' : 'en';
  return (
    <Stack gap="sm" component="ul" className="plain-list">
      {lines.map((line) => (
        <Paper component="li" withBorder p="md" key={`${line.kind}-${line.number}`}>
          <Stack gap={6}>
            <Group gap="xs" justify="space-between" wrap="wrap">
              <Text fw={700}>{line.label[lang]}</Text>
              {line.verified ? null : (
                <Text
                  size="sm"
                  fw={600}
                  px={8}
                  py={2}
                  bg="var(--mantine-color-yellow-light)"
                  c="var(--mantine-color-text)"
                  style={{ borderRadius: 'var(--mantine-radius-sm)' }}
                >
                  {t('crisis.unverified')}
                </Text>
              )}
            </Group>
            {line.note ? <Text size="sm">{line.note[lang]}</Text> : null}
            <Group gap="xs" wrap="wrap">
              <Button
                component="a"
                href={line.tel}
                size="lg"
                color={line.kind === 'emergency' ? 'red' : undefined}
                aria-label={t('crisis.callLabel', { name: line.label[lang], number: line.number })}
              >
                {t('crisis.call', { number: line.number })}
              </Button>
              {line.sms ? (
                <Button component="a" href={line.sms} size="lg" variant="outline">
                  {t('crisis.text')}
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
