import { Button, Paper, Stack, Text } from '@mantine/core';
import type { PlanVersionSummary } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { PlanView } from './plan-view';
import { treatmentPlanApi } from './treatment-plan.api';

function VersionContent({ caseId, version }: { caseId: string; version: number }) {
  const query = useQuery({ queryKey: queryKeys.treatmentPlanVersion(caseId, version), queryFn: () => treatmentPlanApi.version(caseId, version) });
  return (
    <Paper withBorder p="sm">
      <QueryState query={query}>{(plan) => <PlanView plan={{ ...plan, progress: [] }} headingLevel={4} />}</QueryState>
    </Paper>
  );
}

function VersionItem({ caseId, item, current }: { caseId: string; item: PlanVersionSummary; current: boolean }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} component="li">
      <Text size="sm">
        {t('plan.versionLine', { version: item.version, name: item.by.name, time: time.dateTime(item.at), count: item.goals })}
        {current ? ` · ${t('plan.currentVersion')}` : ''}
      </Text>
      {current ? null : (
        <Button variant="subtle" size="xs" onClick={() => setOpen(!open)} aria-expanded={open} style={{ alignSelf: 'flex-start' }}>
          {open ? t('plan.hideVersion', { version: item.version }) : t('plan.showVersion', { version: item.version })}
        </Button>
      )}
      {open ? <VersionContent caseId={caseId} version={item.version} /> : null}
    </Stack>
  );
}

/** Every saved version, newest first; an earlier one opens as it was written. */
export function PlanVersions({ caseId, currentVersion }: { caseId: string; currentVersion: number }) {
  const versions = useQuery({ queryKey: queryKeys.treatmentPlanVersions(caseId), queryFn: () => treatmentPlanApi.versions(caseId) });
  return (
    <QueryState query={versions}>
      {(items) => (
        <Stack gap="xs" component="ul" className="plain-list">
          {items.map((item) => (
            <VersionItem key={item.version} caseId={caseId} item={item} current={item.version === currentVersion} />
          ))}
        </Stack>
      )}
    </QueryState>
  );
}
