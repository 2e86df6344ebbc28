import { Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SafetyPlanView } from '../crisis/safety-plan-view';
import { useSafetyPlan } from '../crisis/use-safety-plan';
import { usePageTitle } from '../ui/use-page-title';

/** The safety plan as this device last saw it; it can be read and printed, and changed once back online. */
export function OfflineSafetyPlanPage() {
  const { t } = useTranslation();
  usePageTitle(t('safetyPlan.title'));
  const query = useSafetyPlan();
  const plan = query.data;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('safetyPlan.title')}</Title>
      {query.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {plan ? (
        <>
          <Group gap="xs" className="no-print">
            <Button variant="default" onClick={() => window.print()}>
              {t('safetyPlan.print')}
            </Button>
          </Group>
          <Text size="sm">{t('offline.planVersion', { version: plan.version })}</Text>
          <SafetyPlanView plan={plan.plan} />
        </>
      ) : null}
      {query.isError ? <Text>{t('offline.planNotKept')}</Text> : null}
      {query.isSuccess && !plan ? <Text>{t('safetyPlan.none')}</Text> : null}
    </Stack>
  );
}
