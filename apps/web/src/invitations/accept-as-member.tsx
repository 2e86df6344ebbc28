import type { Me } from '@tend/contracts';
import { Alert, Button, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useCompleteAuth } from '../auth/use-complete-auth';
import { FormError } from '../ui/form-error';
import { invitationsApi } from './invitations.api';

type Props = { token: string; invitedEmail: string; me: Me };

/** A signed-in user joins the organization with one click. */
export function AcceptAsMember({ token, invitedEmail, me }: Props) {
  const { t } = useTranslation();
  const completeAuth = useCompleteAuth();
  const accept = useMutation({ mutationFn: invitationsApi.accept, onSuccess: (result) => completeAuth(result) });
  const otherEmail = me.email.toLowerCase() !== invitedEmail.toLowerCase();

  return (
    <Stack gap="sm">
      {otherEmail ? <Alert color="yellow">{t('invitation.otherAccount', { email: me.email, invited: invitedEmail })}</Alert> : null}
      <FormError error={accept.error} />
      <Button loading={accept.isPending} onClick={() => accept.mutate({ token })} fullWidth>
        {t('invitation.accept')}
      </Button>
    </Stack>
  );
}
