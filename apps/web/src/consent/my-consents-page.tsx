import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { type ConsentJurisdiction, consentJurisdiction, consentJurisdictionOf } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { casesApi } from '../cases/cases.api';
import { useCareTeams } from '../cases/use-care-teams';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { consentApi } from './consent.api';
import { ConsentHistory } from './consent-history';
import { DataSharingSection } from './data-sharing-section';
import { StandingConsents } from './standing-consents';

const caseFilters = { sort: 'updated', page: 1 } as const;

/**
 * The client's consents: what they agreed to (treatment, video, recording, AI, research), who may see what
 * they share and until when, and the record of every grant and withdrawal. The texts are those of the
 * law their care is under (their newest case's jurisdiction); they can read another's.
 */
export function MyConsentsPage() {
  const { t } = useTranslation();
  usePageTitle(t('consent.title'));
  const cases = useQuery({ queryKey: queryKeys.caseList(caseFilters), queryFn: () => casesApi.list(caseFilters) });
  const items = cases.data?.items ?? [];
  const [chosen, setChosen] = useState<ConsentJurisdiction | null>(null);
  const fromCases = items.map((item) => consentJurisdictionOf(item.jurisdiction)).find((j) => j !== null);
  const jurisdiction = chosen ?? fromCases ?? 'UA';
  const templates = useQuery({
    queryKey: queryKeys.consentTemplates(jurisdiction),
    queryFn: () => consentApi.templates(jurisdiction),
    enabled: !cases.isPending,
  });
  const status = useQuery({ queryKey: queryKeys.consentStatus(null), queryFn: () => consentApi.status() });
  // Anyone on the care team of their cases: leads, co-specialists and supervisors (ADR 0035).
  const recipients = useCareTeams(items);
  const names = new Map<string, string>(recipients.map((r) => [r.id, r.name]));
  for (const entry of status.data?.entries ?? []) if (entry.recipient) names.set(entry.recipient.id, entry.recipient.name);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('consent.title')}</Title>
      <Text>{t('consent.intro')}</Text>
      <NativeSelect
        label={t('consent.textsFor')}
        value={jurisdiction}
        onChange={(event) => setChosen(event.currentTarget.value as ConsentJurisdiction)}
        data={consentJurisdiction.options.map((value) => ({ value, label: t(`consent.jurisdictions.${value}`) }))}
        w={{ base: '100%', sm: 320 }}
      />
      <QueryState query={status}>
        {({ entries }) => (
          <>
            <StandingConsents entries={entries} templates={templates.data} />
            <DataSharingSection
              entries={entries}
              template={templates.data?.find((template) => template.kind === 'data_sharing')}
              templatesLoaded={templates.isSuccess}
              recipients={recipients}
            />
          </>
        )}
      </QueryState>
      <ConsentHistory names={names} />
    </Stack>
  );
}
