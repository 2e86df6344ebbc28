import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { ConfirmButton } from '../ui/confirm-button';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { AnswersView } from './answers-view';
import { formsApi } from './forms.api';
import { FormStatusBadge } from './status-badge';

/** On the case page: send the client a form, withdraw one not yet submitted, and see each form's status and, once submitted, its answers. */
export function CaseFormsSection({ caseId, canSend }: { caseId: string; canSend: boolean }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const sent = useQuery({ queryKey: queryKeys.caseForms(caseId), queryFn: () => formsApi.forCase(caseId) });
  const forms = useQuery({ queryKey: queryKeys.forms, queryFn: formsApi.list, enabled: canSend });
  const [formId, setFormId] = useState('');
  // The timeline links a submitted form here as #form-<id>: scroll to it and open its answers.
  const { hash } = useLocation();
  const shown = hash.startsWith('#form-') ? hash.slice('#form-'.length) : null;
  useEffect(() => {
    if (shown && sent.data) document.getElementById(`form-${shown}`)?.scrollIntoView({ block: 'start' });
  }, [shown, sent.data]);
  const send = useMutation({
    mutationFn: () => formsApi.send(caseId, formId),
    onSuccess: () => {
      setFormId('');
      notify({ message: t('forms.sentNotice'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseForms(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseHistory(caseId) });
    },
  });

  const withdraw = useMutation({
    mutationFn: (assignmentId: string) => formsApi.cancel(caseId, assignmentId),
    onSuccess: () => {
      notify({ message: t('forms.withdrawnNotice'), color: 'teal' });
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseForms(caseId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.caseHistory(caseId) });
    },
  });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="case-forms-heading">
      <Stack gap="md">
        <Title order={2} size="h3" id="case-forms-heading">
          {t('forms.caseTitle')}
        </Title>
        {canSend && forms.data ? (
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('forms.chooseForm')}
              value={formId}
              onChange={(e) => setFormId(e.currentTarget.value)}
              data={[{ value: '', label: t('forms.chooseFormPlaceholder') }, ...forms.data.map((form) => ({ value: form.id, label: form.title }))]}
              style={{ flex: '1 1 14rem' }}
            />
            <Button onClick={() => send.mutate()} disabled={!formId} loading={send.isPending}>
              {t('forms.send')}
            </Button>
          </Group>
        ) : null}
        <FormError error={send.error ?? withdraw.error} />
        <QueryState query={sent}>
          {(items) =>
            items.length === 0 ? (
              <Text>{t('forms.noneSent')}</Text>
            ) : (
              <Stack gap="sm" component="ul" className="plain-list">
                {items.map((item) => (
                  <Paper component="li" withBorder p="sm" key={item.id} id={`form-${item.id}`}>
                    <Stack gap="xs">
                      <Group gap="xs" wrap="wrap">
                        <Text fw={700}>{item.title}</Text>
                        <FormStatusBadge status={item.status} />
                      </Group>
                      <Text size="sm">
                        {item.submitted_at
                          ? t('forms.submittedOn', { time: time.dateTime(item.submitted_at) })
                          : t('forms.sentOn', { time: time.dateTime(item.sent_at) })}
                      </Text>
                      {canSend && (item.status === 'sent' || item.status === 'in_progress') ? (
                        <Group>
                          <ConfirmButton
                            ariaLabel={t('forms.withdrawNamed', { title: item.title })}
                            title={t('forms.withdrawTitle')}
                            question={t('forms.withdrawQuestion', { title: item.title })}
                            confirmLabel={t('forms.withdraw')}
                            loading={withdraw.isPending && withdraw.variables === item.id}
                            onConfirm={() => withdraw.mutate(item.id)}
                          >
                            {t('forms.withdraw')}
                          </ConfirmButton>
                        </Group>
                      ) : null}
                      {item.status === 'submitted' ? (
                        <details open={shown === item.id}>
                          <summary>{t('forms.showAnswers')}</summary>
                          <AnswersView assignment={item} />
                        </details>
                      ) : null}
                    </Stack>
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}
