import { Alert, Anchor, Button, Loader, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
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
        <Button color="red" variant="outline" onClick={() => sos.mutate()} mb="xs">
          {t('crisis.tryAgain')}
        </Button>
        <WhileYouWait />
      </Alert>
    );
  }
  if (sos.isSuccess) {
    const alerted = sos.data.notified > 0;
    return (
      <Alert color={alerted ? 'teal' : 'orange'} role="status" title={alerted ? t('crisis.alertedTitle') : t('crisis.noOneAlertedTitle')}>
        <Text mb="xs">{alerted ? t('crisis.alerted') : t('crisis.noOneAlerted')}</Text>
        <WhileYouWait />
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

function WhileYouWait() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/calm" display="block" c="var(--mantine-color-text)">
      {t('grounding.whileYouWait')}
    </Anchor>
  );
}
