import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { FormAnswers, FormAssignment } from '@tend/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { answerErrors } from './answer-errors';
import { AnswersView } from './answers-view';
import { FieldInput } from './field-input';
import { formsApi } from './forms.api';
import { SignStep } from './sign-step';

/** The page the emailed link opens: answer, save and come back, then sign and submit. */
export function FormFillPage() {
  const { t } = useTranslation();
  const { assignmentId = '' } = useParams();
  const query = useQuery({ queryKey: queryKeys.formAssignment(assignmentId), queryFn: () => formsApi.assignment(assignmentId) });
  usePageTitle(query.data?.title ?? t('forms.myForms'));
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/my-forms" size="sm">
        {t('forms.backToMyForms')}
      </Anchor>
      <QueryState query={query}>
        {(assignment) => (
          <Stack gap="md">
            <Title order={1}>{assignment.title}</Title>
            {assignment.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{assignment.description}</Text> : null}
            {assignment.status === 'submitted' ? (
              <>
                <Alert color="teal">{t('forms.submittedThanks')}</Alert>
                <AnswersView assignment={assignment} />
              </>
            ) : assignment.status === 'cancelled' ? (
              <Alert color="gray">{t('forms.cancelledNote')}</Alert>
            ) : (
              <FillForm key={assignment.id} assignment={assignment} />
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}

function FillForm({ assignment }: { assignment: FormAssignment }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const [answers, setAnswers] = useState<FormAnswers>(assignment.answers);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const onDone = (updated: FormAssignment) => queryClient.setQueryData(queryKeys.formAssignment(assignment.id), updated);
  const save = useMutation({
    mutationFn: () => formsApi.save(assignment.id, answers),
    onSuccess: (updated) => {
      setSavedAt(new Date().toISOString());
      onDone(updated);
    },
  });
  const submit = useMutation({
    mutationFn: (name?: string) => formsApi.submit(assignment.id, answers, name),
    onSuccess: (updated) => {
      onDone(updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.myForms });
    },
  });
  const error = submit.error ?? save.error;
  const errors = answerErrors(error, assignment.fields, t);
  const signatureField = assignment.fields.find((field) => field.type === 'signature');
  const signatureMissing = submit.error instanceof ApiError && submit.error.code === 'FORM.SIGNATURE_REQUIRED';
  const onField = (key: string, value: FormAnswers[string] | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined) delete next[key];
      else next[key] = value;
      return next;
    });

  return (
    <Stack gap="md">
      <Text size="sm">{t('forms.saveHint')}</Text>
      {assignment.fields.map((field) => (
        <FieldInput key={field.key} field={field} value={answers[field.key]} onChange={(value) => onField(field.key, value)} error={errors[field.key]} />
      ))}
      {Object.keys(errors).length > 0 ? (
        <Alert color="red" role="alert">
          {t('forms.fixFields')}
        </Alert>
      ) : (
        <FormError error={signatureMissing ? null : error} />
      )}
      <Group gap="sm">
        <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
          {t('forms.saveForLater')}
        </Button>
        <Text size="sm" role="status">
          {savedAt ? t('forms.savedAt', { time: time.time(savedAt) }) : ''}
        </Text>
      </Group>
      <SignStep
        formTitle={assignment.title}
        needsSignature={signatureField !== undefined}
        submitting={submit.isPending}
        signatureError={signatureMissing ? t('forms.typeName') : undefined}
        onSubmit={(name) => submit.mutate(name)}
      />
    </Stack>
  );
}
