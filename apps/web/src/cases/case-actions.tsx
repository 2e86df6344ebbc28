import { CASE_TRANSITIONS, type CaseDto, type CaseStatus, type RiskLevel } from '@tend/contracts';
import { Group, NativeSelect, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormModal, formText } from '../ui/form-modal';
import { can } from './case-access';
import { riskLevels } from './caseload-filters';
import { casesApi } from './cases.api';
import { TransferAction } from './transfer-action';
import { useCaseMutation } from './use-case-mutation';

function StatusAction({ item, to }: { item: CaseDto; to: CaseStatus }) {
  const { t } = useTranslation();
  const change = useCaseMutation(
    (reason: string | undefined) => casesApi.changeStatus(item.id, to, reason),
    t('cases.actions.statusChanged', { status: t(`cases.status.${to}`) }),
  );
  return (
    <FormModal
      buttonLabel={t(`cases.actions.to.${to}`)}
      title={t('cases.actions.statusTitle', { status: t(`cases.status.${to}`) })}
      submitLabel={t(`cases.actions.to.${to}`)}
      pending={change.isPending}
      error={change.error}
      onOpen={change.reset}
      onSubmit={(form) => change.mutateAsync(formText(form, 'reason'))}
    >
      <Textarea name="reason" label={t('cases.actions.reason')} description={t('cases.actions.reasonOptional')} autosize minRows={2} maxLength={2000} />
    </FormModal>
  );
}

function RiskAction({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const change = useCaseMutation(
    ({ level, note }: { level: RiskLevel; note?: string }) => casesApi.changeRisk(item.id, level, note),
    t('cases.actions.riskChanged'),
  );
  return (
    <FormModal
      buttonLabel={t('cases.actions.setRisk')}
      title={t('cases.actions.setRisk')}
      submitLabel={t('cases.actions.saveRisk')}
      pending={change.isPending}
      error={change.error}
      onOpen={change.reset}
      onSubmit={(form) => change.mutateAsync({ level: form.get('level') as RiskLevel, note: formText(form, 'note') })}
    >
      <NativeSelect
        name="level"
        label={t('cases.actions.riskLevel')}
        defaultValue={item.risk_level}
        data={riskLevels.map((level) => ({ value: level, label: t(`cases.risk.${level}`) }))}
      />
      <Textarea name="note" label={t('cases.actions.riskNote')} description={t('cases.actions.riskNoteHint')} autosize minRows={3} maxLength={2000} />
    </FormModal>
  );
}

/** The changes this person may make to the case now: only legal status moves, and nothing on a case kept for the record. */
export function CaseActions({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const access = item.my_access;
  const statusMoves = can(access, 'changeStatus') ? CASE_TRANSITIONS[item.status] : [];
  const editable = item.status !== 'archived';
  if (!editable) return null;
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={t('cases.actions.label')}>
      {can(access, 'setRisk') ? <RiskAction item={item} /> : null}
      {statusMoves.map((to) => (
        <StatusAction key={to} item={item} to={to} />
      ))}
      {can(access, 'transfer') ? <TransferAction item={item} /> : null}
    </Group>
  );
}
