import { Alert, Button, Loader, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { useSos } from './use-sos';

/** Tells the client whether their care team was alerted, and never hides the lines when it failed. */
export function SosStatus({ sos }: { sos: ReturnType<typeof useSos> }) {
  const { t } = useTranslation();
  if (sos.isPending) {
    return (
      <Alert color="blue" role="status">
        <Group gap="xs">
          <Loader size="sm" />
          <Text>{t('crisis.alerting')}</Text>
        </Group>
      </Alert>
    );
  }
  if (sos.isError) {
    return (
      <Alert color="red" role="alert" title={t('crisis.alertFailedTitle')}>
        <Text mb="xs">{t('crisis.alertFailed')}</Text>
        <Button color="red" variant="outline" onClick={() => sos.mutate()}>
          {t('crisis.tryAgain')}
        </Button>
      </Alert>
    );
  }
  if (sos.isSuccess) {
    const alerted = sos.data.notified > 0;
    return (
      <Alert color={alerted ? 'teal' : 'orange'} role="status" title={alerted ? t('crisis.alertedTitle') : t('crisis.noOneAlertedTitle')}>
        {alerted ? t('crisis.alerted') : t('crisis.noOneAlerted')}
      </Alert>
    );
  }
  return (
    <Alert color="gray" variant="light">
      <Text mb="xs">{t('crisis.alertOffer')}</Text>
      <Button color="red" onClick={() => sos.mutate()}>
        {t('crisis.alertTeam')}
      </Button>
    </Alert>
  );
}
