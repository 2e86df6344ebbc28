import type { Invitation } from '@tend/contracts';
import { Badge, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { errorMessage } from '../i18n/error-message';
import { ConfirmButton } from '../ui/confirm-button';
import { RoleBadge } from '../ui/role-badge';
import { useFormatDate } from '../ui/use-format-date';
import { orgApi } from './org.api';
import { notify } from '../ui/notify';

const statusColor: Record<Invitation['status'], string> = {
  pending: 'blue',
  accepted: 'teal',
  revoked: 'gray',
  expired: 'gray',
};

export function InvitationRow({ orgId, invitation }: { orgId: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const revoke = useMutation({
    mutationFn: () => orgApi.revokeInvitation(orgId, invitation.id),
    onSuccess: () => notify({ color: 'teal', message: t('invitations.revoked', { email: invitation.email }) }),
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations(orgId) }),
  });

  return (
    <Table.Tr>
      <Table.Td>{invitation.email}</Table.Td>
      <Table.Td>
        <RoleBadge role={invitation.role} />
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={statusColor[invitation.status]}>
          {t(`invitations.statuses.${invitation.status}`)}
        </Badge>
      </Table.Td>
      <Table.Td>{formatDate(invitation.expires_at)}</Table.Td>
      <Table.Td>
        {invitation.status === 'pending' ? (
          <ConfirmButton
            title={t('invitations.revokeTitle')}
            question={t('invitations.revokeQuestion', { email: invitation.email })}
            confirmLabel={t('invitations.revoke')}
            ariaLabel={t('invitations.revokeFor', { email: invitation.email })}
            loading={revoke.isPending}
            onConfirm={() => revoke.mutate()}
          >
            {t('invitations.revoke')}
          </ConfirmButton>
        ) : null}
      </Table.Td>
    </Table.Tr>
  );
}
