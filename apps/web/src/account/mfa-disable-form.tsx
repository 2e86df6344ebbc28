import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { reissueAccessToken } from '../auth/auth.api';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { PasswordField } from '../ui/password-field';
import { accountApi } from './account.api';
import { notify } from '../ui/notify';

export function MfaDisableForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const disable = useMutation({
    mutationFn: accountApi.disableMfa,
    onSuccess: async () => {
      notify({ color: 'teal', message: t('security.mfaDisabled') });
      await reissueAccessToken();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  });
  const errors = fieldErrors(disable.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const values = formValues(event, ['password', 'code']);
    disable.mutate({ password: values.password, code: values.code.replace(/\s/g, '') });
  };

  return (
    <form onSubmit={submit}>
      <Stack gap="sm" maw={360}>
        <Text>{t('security.mfaDisableIntro')}</Text>
        <FormError error={disable.error} />
        <PasswordField name="password" label={t('fields.password')} autoComplete="current-password" required error={errors.password} />
        <TextInput name="code" label={t('fields.authenticationCode')} inputMode="numeric" autoComplete="one-time-code" required error={errors.code} />
        <Button type="submit" color="red" loading={disable.isPending}>
          {t('security.mfaDisable')}
        </Button>
      </Stack>
    </form>
  );
}
