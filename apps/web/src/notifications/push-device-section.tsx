import { Alert, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';
import { PushDeviceError, type PushDeviceState } from './push-device';
import { usePushDevice } from './use-push-device';

const badgeColor: Record<PushDeviceState, string> = { on: 'teal', off: 'gray', denied: 'orange', unsupported: 'gray' };

/** The long button labels wrap on a phone instead of being cut off. */
const wrapLabel = { label: { whiteSpace: 'normal' as const } };

function failureText(t: TFunction, error: unknown): string {
  return error instanceof PushDeviceError ? t(`notificationSettings.push.failure.${error.reason}`) : errorMessage(t, error);
}

/** Web Push for this browser only: ask permission, subscribe with the server's key, or stop. */
export function PushDeviceSection() {
  const { t } = useTranslation();
  const { state, turnOn, turnOff } = usePushDevice();
  const error = turnOn.error ?? turnOff.error;
  const canTurnOn = state === 'off' || state === 'denied';
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="push-heading">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="push-heading">
            {t('notificationSettings.push.title')}
          </Title>
          {state ? (
            <Badge variant="light" color={badgeColor[state]}>
              {t(`notificationSettings.push.badge.${state}`)}
            </Badge>
          ) : null}
        </Group>
        <Text>{t('notificationSettings.push.intro')}</Text>
        {state ? <Text role="status">{t(`notificationSettings.push.state.${state}`)}</Text> : null}
        {error ? (
          <Alert color="red" role="alert">
            {failureText(t, error)}
          </Alert>
        ) : null}
        <Group>
          {canTurnOn ? (
            <Button onClick={() => turnOn.mutate()} loading={turnOn.isPending} h="auto" py={8} styles={wrapLabel}>
              {t('notificationSettings.push.turnOn')}
            </Button>
          ) : null}
          {state === 'on' ? (
            <Button variant="default" onClick={() => turnOff.mutate()} loading={turnOff.isPending} h="auto" py={8} styles={wrapLabel}>
              {t('notificationSettings.push.turnOff')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
