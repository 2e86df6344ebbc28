import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { asLocale } from '../i18n/language';
import { orgApi } from '../org/org.api';
import { useSwitchOrg } from '../shell/use-switch-org';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';

/** Opens a new practice with the user as its administrator, then switches into it. */
export function CreateOrgForm() {
  const { t, i18n } = useTranslation();
  const switchOrg = useSwitchOrg();
  const create = useMutation({ mutationFn: orgApi.create, onSuccess: (org) => switchOrg.mutate(org.id) });
  const errors = fieldErrors(create.error);

  return (
    <form onSubmit={(event) => create.mutate({ ...formValues(event, ['name']), locale: asLocale(i18n.language) })}>
      <Stack gap="sm">
        <FormError error={create.error} />
        <TextInput name="name" label={t('welcome.practiceName')} required error={errors.name} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending || switchOrg.isPending}>
            {t('welcome.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
