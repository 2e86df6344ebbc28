import { CASE_TRANSITIONS, type CaseStatus, type LastSessionFilter, lastSessionFilters, type RiskLevel } from '@tend/contracts';
import { Group, NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseFilters } from './cases.api';

export const caseStatuses = Object.keys(CASE_TRANSITIONS) as CaseStatus[];
export const riskLevels: RiskLevel[] = ['low', 'moderate', 'high', 'crisis'];
const sorts: CaseFilters['sort'][] = ['updated', 'risk', 'last_session'];

type Props = { filters: CaseFilters; onChange: (changes: Partial<CaseFilters>) => void };

/** Status, risk, when last seen, and order of the caseload; every change starts again from the first page. */
export function CaseloadFilters({ filters, onChange }: Props) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="sm" wrap="wrap">
      <NativeSelect
        label={t('cases.filters.status')}
        value={filters.status ?? ''}
        onChange={(event) => onChange({ status: (event.currentTarget.value || undefined) as CaseStatus | undefined })}
        data={[{ value: '', label: t('cases.filters.anyStatus') }, ...caseStatuses.map((status) => ({ value: status, label: t(`cases.status.${status}`) }))]}
        miw={160}
      />
      <NativeSelect
        label={t('cases.filters.risk')}
        value={filters.risk ?? ''}
        onChange={(event) => onChange({ risk: (event.currentTarget.value || undefined) as RiskLevel | undefined })}
        data={[{ value: '', label: t('cases.filters.anyRisk') }, ...riskLevels.map((level) => ({ value: level, label: t(`cases.risk.${level}`) }))]}
        miw={160}
      />
      <NativeSelect
        label={t('cases.filters.lastSession')}
        value={filters.last_session ?? ''}
        onChange={(event) => onChange({ last_session: (event.currentTarget.value || undefined) as LastSessionFilter | undefined })}
        data={[
          { value: '', label: t('cases.filters.anyLastSession') },
          ...lastSessionFilters.map((seen) => ({ value: seen, label: t(`cases.filters.seen.${seen}`) })),
        ]}
        miw={200}
      />
      <NativeSelect
        label={t('cases.filters.sort')}
        value={filters.sort}
        onChange={(event) => onChange({ sort: event.currentTarget.value as CaseFilters['sort'] })}
        data={sorts.map((sort) => ({ value: sort, label: t(`cases.sort.${sort}`) }))}
        miw={200}
      />
    </Group>
  );
}
