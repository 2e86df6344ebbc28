import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { formTitle: string; needsSignature: boolean; submitting: boolean; signatureError?: string; onSubmit: (name?: string) => void };

/** The last step: says plainly what signing means, takes the typed full name, and submits. */
export function SignStep({ formTitle, needsSignature, submitting, signatureError, onSubmit }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const submit = () => {
    if (needsSignature && name.trim().length < 2) return setError(t('forms.typeName'));
    setError(undefined);
    onSubmit(needsSignature ? name.trim() : undefined);
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="sign-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="sign-heading">
          {needsSignature ? t('forms.signTitle') : t('forms.submitTitle')}
        </Title>
        {needsSignature ? (
          <>
            <Alert color="blue" variant="light">
              {t('forms.signStatement', { title: formTitle })}
            </Alert>
            <TextInput
              label={t('forms.fullName')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={error ?? signatureError}
              autoComplete="name"
              maw={420}
            />
          </>
        ) : (
          <Text>{t('forms.submitStatement')}</Text>
        )}
        <Button onClick={submit} loading={submitting} style={{ alignSelf: 'flex-start' }}>
          {needsSignature ? t('forms.signAndSubmit') : t('forms.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
