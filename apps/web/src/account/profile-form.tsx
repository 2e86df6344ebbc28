import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { asLocale, storeLanguage } from '../i18n/language';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { accountApi } from './account.api';
import { notify } from '../ui/notify';

export function ProfileForm() {
  const { t, i18n } = useTranslation();
  const me = useSignedInUser();
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: accountApi.updateProfile,
    onSuccess: (updated) => {
      queryClient.setQueryData(queryKeys.me, updated);
      storeLanguage(updated.locale);
      void i18n.changeLanguage(updated.locale);
      notify({ color: 'teal', message: t('account.profileSaved') });
    },
  });
  const errors = fieldErrors(update.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const values = formValues(event, ['name', 'phone', 'locale']);
    update.mutate({ name: values.name, phone: values.phone.trim() || null, locale: asLocale(values.locale) });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="profile-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="profile-heading">
            {t('account.profile')}
          </Title>
          <FormError error={update.error} />
          <TextInput label={t('fields.email')} value={me.email} readOnly description={t('account.emailFixed')} />
          <TextInput name="name" label={t('fields.name')} defaultValue={me.name} autoComplete="name" required error={errors.name} />
          <TextInput name="phone" type="tel" label={t('fields.phone')} defaultValue={me.phone ?? ''} autoComplete="tel" error={errors.phone} />
          <NativeSelect
            name="locale"
            label={t('fields.language')}
            description={t('fields.languageHint')}
            defaultValue={me.locale}
            data={[
              { value: 'uk', label: 'Українська' },
              { value: 'en', label: 'English' },
            ]}
            error={errors.locale}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
