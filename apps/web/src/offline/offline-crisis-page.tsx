import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CrisisLinesSection } from '../crisis/crisis-lines-section';
import { CrisisPlanSection } from '../crisis/crisis-plan-section';
import { GroundingLink } from '../crisis/grounding-link';
import { useCrisisLines } from '../crisis/use-crisis-lines';
import { useSafetyPlan } from '../crisis/use-safety-plan';
import { usePageTitle } from '../ui/use-page-title';

/** Help now, without a server: the lines (kept or bundled), the plan this device kept, the grounding exercise. */
export function OfflineCrisisPage() {
  const { t } = useTranslation();
  usePageTitle(t('crisis.title'));
  const crisisLines = useCrisisLines(undefined);
  const plan = useSafetyPlan();
  return (
    <Stack gap="lg">
      <Title order={1}>{t('crisis.title')}</Title>
      <Alert color="red" variant="light" title={t('crisis.dangerTitle')}>
        {t('crisis.danger')}
      </Alert>
      <CrisisLinesSection crisisLines={crisisLines} />
      <CrisisPlanSection plan={plan.data} unavailable={plan.isError} />
      <GroundingLink />
    </Stack>
  );
}
