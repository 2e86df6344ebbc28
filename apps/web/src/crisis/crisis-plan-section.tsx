import { Anchor, Text, Title } from '@mantine/core';
import type { SafetyPlan } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SafetyPlanView } from './safety-plan-view';

type Props = { plan: SafetyPlan | null | undefined; unavailable: boolean };

/** The client's plan under the lines. `unavailable`: the server could not be reached and no copy is kept on this device. */
export function CrisisPlanSection({ plan, unavailable }: Props) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="crisis-plan-heading">
      <Title order={2} size="h3" id="crisis-plan-heading" mb="sm">
        {t('crisis.yourPlan')}
      </Title>
      {plan ? <SafetyPlanView plan={plan.plan} headingLevel={3} /> : <Text>{unavailable ? t('offline.planNotKept') : t('crisis.noPlan')}</Text>}
      <Anchor component={Link} to="/safety-plan" mt="sm" display="inline-block">
        {t('crisis.openPlan')}
      </Anchor>
    </section>
  );
}
