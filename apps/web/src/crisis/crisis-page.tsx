import { Alert, Anchor, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { crisisLinesFor } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { orgApi } from '../org/org.api';
import { usePageTitle } from '../ui/use-page-title';
import { type CrisisLine, crisisApi } from './crisis.api';
import { CrisisLinesList } from './crisis-lines-list';
import { initialJurisdiction, jurisdictionChoices, rememberJurisdiction } from './jurisdiction';
import { SafetyPlanView } from './safety-plan-view';
import { SosStatus } from './sos-status';
import { useSafetyPlan } from './use-safety-plan';
import { useSos } from './use-sos';

/**
 * Help now. Lines come first and at once — from the bundled list before the server answers, and
 * still when it cannot be reached — then the SOS result and the client's safety plan.
 */
export function CrisisPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('crisis.title'));
  const me = useSignedInUser();
  const orgId = me.active_org_id;
  const org = useQuery({ queryKey: queryKeys.org(orgId ?? 'none'), queryFn: () => orgApi.get(orgId as string), enabled: orgId !== null, staleTime: 300_000 });
  const [chosen, setChosen] = useState<string | null>(null);
  const where = chosen ?? initialJurisdiction(org.data?.region, i18n.language);
  const resources = useQuery({ queryKey: queryKeys.crisisResources(where), queryFn: () => crisisApi.resources(where), staleTime: 3_600_000 });
  const lines = resources.data?.lines ?? (crisisLinesFor(where).lines as CrisisLine[]);
  const sos = useSos(where, orgId === null || !org.isPending);
  const isClient = me.active_role === 'client';
  const plan = useSafetyPlan(isClient);
  const currentPlan = sos.data?.safety_plan ?? (isClient ? plan.data : null);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('crisis.title')}</Title>
      <Alert color="red" variant="light" title={t('crisis.dangerTitle')}>
        {t('crisis.danger')}
      </Alert>
      <NativeSelect
        label={t('crisis.where')}
        value={where}
        onChange={(event) => {
          rememberJurisdiction(event.currentTarget.value);
          setChosen(event.currentTarget.value);
        }}
        data={jurisdictionChoices.map((code) => ({ value: code, label: t(`crisis.places.${code}`) }))}
        maw={360}
      />
      <section aria-labelledby="crisis-lines-heading">
        <Title order={2} size="h3" id="crisis-lines-heading" mb="sm">
          {t('crisis.linesTitle')}
        </Title>
        <CrisisLinesList lines={lines} />
      </section>
      {isClient ? <SosStatus sos={sos} /> : null}
      {isClient ? (
        <section aria-labelledby="crisis-plan-heading">
          <Title order={2} size="h3" id="crisis-plan-heading" mb="sm">
            {t('crisis.yourPlan')}
          </Title>
          {currentPlan ? <SafetyPlanView plan={currentPlan.plan} headingLevel={3} /> : <Text>{t('crisis.noPlan')}</Text>}
          <Anchor component={Link} to="/safety-plan" mt="sm" display="inline-block">
            {t('crisis.openPlan')}
          </Anchor>
        </section>
      ) : null}
    </Stack>
  );
}
