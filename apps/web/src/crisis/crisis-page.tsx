import { Alert, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { orgApi } from '../org/org.api';
import { usePageTitle } from '../ui/use-page-title';
import { CrisisLinesSection } from './crisis-lines-section';
import { CrisisPlanSection } from './crisis-plan-section';
import { GroundingLink } from './grounding-link';
import { SosStatus } from './sos-status';
import { useCrisisLines } from './use-crisis-lines';
import { useSafetyPlan } from './use-safety-plan';
import { useSos } from './use-sos';

/**
 * Help now. Lines come first and at once — from the bundled list before the server answers, and
 * still when it cannot be reached — then the SOS result and the client's safety plan.
 */
export function CrisisPage() {
  const { t } = useTranslation();
  usePageTitle(t('crisis.title'));
  const me = useSignedInUser();
  const orgId = me.active_org_id;
  const org = useQuery({ queryKey: queryKeys.org(orgId ?? 'none'), queryFn: () => orgApi.get(orgId as string), enabled: orgId !== null, staleTime: 300_000 });
  const crisisLines = useCrisisLines(org.data?.region);
  const sos = useSos(crisisLines.where, orgId === null || !org.isPending);
  const isClient = me.active_role === 'client';
  const plan = useSafetyPlan(isClient);
  const currentPlan = sos.data?.safety_plan ?? (isClient ? plan.data : null);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('crisis.title')}</Title>
      <Alert color="red" variant="light" title={t('crisis.dangerTitle')}>
        {t('crisis.danger')}
      </Alert>
      <CrisisLinesSection crisisLines={crisisLines} />
      {isClient ? <SosStatus sos={sos} /> : null}
      {isClient ? <CrisisPlanSection plan={currentPlan} unavailable={plan.isError} /> : null}
      <GroundingLink />
    </Stack>
  );
}
