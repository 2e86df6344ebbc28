import type { CaseDto } from '@tend/contracts';
import { NativeSelect, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../api/client';
import { FormModal, formText } from '../ui/form-modal';
import { isOpen } from './case-access';
import { casesApi } from './cases.api';
import { useCaseMutation } from './use-case-mutation';
import { usePracticePeople } from './use-practice-people';

/** Hands the case to another specialist of the practice; the previous lead keeps no access unless granted. */
export function TransferAction({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const people = usePracticePeople();
  const transfer = useCaseMutation(({ to, reason }: { to: string; reason: string }) => casesApi.transfer(item.id, to, reason), t('cases.transfer.done'));
  const candidates = people.clinicians.filter((person) => person.user_id !== item.specialist.id && person.role === 'specialist');
  if (!isOpen(item.status) || candidates.length === 0) return null;
  const errors = fieldErrors(transfer.error);
  return (
    <FormModal
      buttonLabel={t('cases.transfer.action')}
      title={t('cases.transfer.title')}
      submitLabel={t('cases.transfer.submit')}
      pending={transfer.isPending}
      error={transfer.error}
      onOpen={transfer.reset}
      onSubmit={async (form) => {
        await transfer.mutateAsync({ to: String(form.get('to')), reason: formText(form, 'reason') ?? '' });
        if (item.my_access === 'primary') await navigate('/cases');
      }}
    >
      <NativeSelect
        name="to"
        label={t('cases.transfer.to')}
        data={candidates.map((person) => ({ value: person.user_id, label: person.name }))}
        error={errors.to_specialist_id}
      />
      <Textarea name="reason" label={t('cases.transfer.reason')} required autosize minRows={3} maxLength={2000} error={errors.reason} />
    </FormModal>
  );
}
