import { Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { useCompleteAuth } from '../auth/use-complete-auth';
import { FormError } from '../ui/form-error';
import { formValues } from '../ui/form-values';
import { NewPasswordFields } from '../ui/new-password-fields';
import { invitationsApi } from './invitations.api';

/** Someone without an account creates one while accepting. */
export function AcceptAsNewUser({ token }: { token: string }) {
  const { t } = useTranslation();
  const completeAuth = useCompleteAuth();
  const accept = useMutation({ mutationFn: invitationsApi.accept, onSuccess: (result) => completeAuth(result) });
  const errors = fieldErrors(accept.error);

  return (
    <form onSubmit={(event) => accept.mutate({ token, ...formValues(event, ['name', 'password']) })}>
      <Stack gap="sm">
        <FormError error={accept.error} />
        <TextInput name="name" label={t('fields.name')} autoComplete="name" required error={errors.name} />
        <NewPasswordFields name="password" error={errors.password} />
        <Button type="submit" loading={accept.isPending} fullWidth>
          {t('invitation.createAndAccept')}
        </Button>
      </Stack>
    </form>
  );
}
