import type { OrgRole } from '@tend/contracts';
import { Button, Group, NativeSelect, Paper, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { orgRoleList } from '../ui/org-roles';
import { formValues } from '../ui/form-values';
import { orgApi } from './org.api';
import { notify } from '../ui/notify';

export function InviteForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const invite = useMutation({
    mutationFn: (body: { email: string; role: OrgRole }) => orgApi.invite(orgId, body),
    onSuccess: (invitation) => {
      notify({ color: 'teal', message: t('invitations.sent', { email: invitation.email }) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitations(orgId) });
    },
  });
  const errors = fieldErrors(invite.error);

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const values = formValues(event, ['email', 'role']);
    invite.mutate({ email: values.email, role: values.role as OrgRole }, { onSuccess: () => form.reset() });
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="invite-heading">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="invite-heading">
            {t('invitations.inviteTitle')}
          </Title>
          <FormError error={invite.error} />
          <Group align="flex-start" grow preventGrowOverflow={false} wrap="wrap">
            <TextInput name="email" type="email" label={t('fields.email')} required error={errors.email} miw={220} />
            <NativeSelect
              name="role"
              label={t('fields.role')}
              defaultValue="specialist"
              data={orgRoleList.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
              error={errors.role}
              miw={180}
            />
          </Group>
          <Group justify="flex-end">
            <Button type="submit" loading={invite.isPending}>
              {t('invitations.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
