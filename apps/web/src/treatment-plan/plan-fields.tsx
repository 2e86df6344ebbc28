import { NativeSelect, TextInput } from '@mantine/core';
import { type GoalStatus, goalStatus } from '@tend/contracts';
import { useTranslation } from 'react-i18next';

/** The server's message for a field of the plan, by its path (e.g. "problems.0.goals.1.title"). */
export type ErrorAt = (path: string) => string | undefined;

export function StatusSelect({ value, onChange, error }: { value: GoalStatus; onChange: (status: GoalStatus) => void; error?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('plan.status')}
      value={value}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value as GoalStatus)}
      data={goalStatus.options.map((status) => ({ value: status, label: t(`goals.status.${status}`) }))}
    />
  );
}

export function TargetDateInput({
  value,
  onChange,
  error,
}: {
  value: string | null | undefined;
  onChange: (date: string | null) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <TextInput type="date" label={t('plan.targetDate')} value={value ?? ''} error={error} onChange={(event) => onChange(event.currentTarget.value || null)} />
  );
}
