import type { RiskLevel } from '@tend/contracts';
import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { riskLevels } from './caseload-filters';
import { casesApi, type NewCase } from './cases.api';
import { usePracticePeople } from './use-practice-people';

const fields = ['client_user_id', 'specialist_user_id', 'title', 'jurisdiction', 'risk_level'] as const;

/** Opens a case for one of the practice's clients; a practice administrator also names its lead specialist. */
export function NewCasePage() {
  const { t } = useTranslation();
  usePageTitle(t('cases.new.title'));
  const me = useSignedInUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const people = usePracticePeople();
  const isAdmin = me.active_role === 'org_admin';
  const create = useMutation({
    mutationFn: (body: NewCase) => casesApi.create(body),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.cases });
      await navigate(`/cases/${created.id}`);
    },
  });
  const serverErrors = fieldErrors(create.error);
  // The server explains in English; the fields it names get the same advice in the UI language.
  const errors: Partial<Record<(typeof fields)[number], string>> = {
    ...serverErrors,
    title: serverErrors.title && t('cases.new.titleInvalid'),
    jurisdiction: serverErrors.jurisdiction && t('cases.new.jurisdictionInvalid'),
  };
  const hasFieldErrors = Object.values(errors).some(Boolean);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const values = formValues(event, fields);
    create.mutate({
      client_user_id: values.client_user_id,
      specialist_user_id: isAdmin ? values.specialist_user_id : undefined,
      title: values.title,
      jurisdiction: values.jurisdiction,
      risk_level: (values.risk_level || undefined) as RiskLevel | undefined,
    });
  };

  return (
    <Stack gap="lg" maw={640}>
      <Title order={1}>{t('cases.new.title')}</Title>
      <QueryState query={people.query}>
        {() =>
          people.clients.length === 0 ? (
            <Text>{t('cases.new.noClients')}</Text>
          ) : (
            <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
              <Stack gap="sm">
                {hasFieldErrors ? (
                  <Alert color="red" role="alert">
                    {t('errors.checkFields')}
                  </Alert>
                ) : (
                  <FormError error={create.error} />
                )}
                <NativeSelect
                  name="client_user_id"
                  label={t('cases.new.client')}
                  required
                  error={errors.client_user_id}
                  data={people.clients.map((client) => ({ value: client.user_id, label: `${client.name} (${client.email})` }))}
                />
                {isAdmin ? (
                  <NativeSelect
                    name="specialist_user_id"
                    label={t('cases.new.specialist')}
                    required
                    error={errors.specialist_user_id}
                    data={people.clinicians.map((person) => ({ value: person.user_id, label: person.name }))}
                  />
                ) : null}
                <TextInput name="title" label={t('cases.new.caseTitle')} description={t('cases.new.caseTitleHint')} required error={errors.title} />
                <TextInput
                  name="jurisdiction"
                  label={t('cases.new.jurisdiction')}
                  description={t('cases.new.jurisdictionHint')}
                  defaultValue="UA"
                  required
                  error={errors.jurisdiction}
                  maw={360}
                />
                <NativeSelect
                  name="risk_level"
                  label={t('cases.new.initialRisk')}
                  error={errors.risk_level}
                  data={[
                    { value: '', label: t('cases.new.riskNotAssessed') },
                    ...riskLevels.map((level) => ({ value: level, label: t(`cases.risk.${level}`) })),
                  ]}
                  maw={280}
                />
                <Group justify="flex-end">
                  <Button type="submit" loading={create.isPending}>
                    {t('cases.new.submit')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          )
        }
      </QueryState>
    </Stack>
  );
}
