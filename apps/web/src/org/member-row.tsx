import type { Member, OrgRole } from '@tend/contracts';
import { Badge, NativeSelect, Table } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { reissueAccessToken } from '../auth/auth.api';
import { errorMessage } from '../i18n/error-message';
import { ConfirmButton } from '../ui/confirm-button';
import { orgRoleList } from '../ui/org-roles';
import { RoleBadge } from '../ui/role-badge';
import { useFormatDate } from '../ui/use-format-date';
import { orgApi } from './org.api';
import { notify } from '../ui/notify';

type Props = { orgId: string; member: Member; canManage: boolean; isSelf: boolean };

export function MemberRow({ orgId, member, canManage, isSelf }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const queryClient = useQueryClient();
  const mutationOptions = {
    onError: (error: unknown) => notify({ color: 'red', message: errorMessage(t, error) }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) });
      if (!isSelf) return;
      await reissueAccessToken();
      await queryClient.invalidateQueries({ queryKey: queryKeys.me });
    },
  };
  const changeRole = useMutation({
    mutationFn: (role: OrgRole) => orgApi.changeRole(orgId, member.user_id, role),
    onSuccess: () => notify({ color: 'teal', message: t('members.roleChanged', { name: member.name }) }),
    ...mutationOptions,
  });
  const remove = useMutation({
    mutationFn: () => orgApi.removeMember(orgId, member.user_id),
    onSuccess: () => notify({ color: 'teal', message: t('members.removed', { name: member.name }) }),
    ...mutationOptions,
  });

  return (
    <Table.Tr>
      <Table.Td>{member.name}</Table.Td>
      <Table.Td>{member.email}</Table.Td>
      <Table.Td>
        {canManage ? (
          <NativeSelect
            aria-label={t('members.roleOf', { name: member.name })}
            value={member.role}
            disabled={changeRole.isPending}
            onChange={(event) => changeRole.mutate(event.currentTarget.value as OrgRole)}
            data={orgRoleList.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          />
        ) : (
          <RoleBadge role={member.role} />
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={member.mfa_enabled ? 'teal' : 'gray'}>
          {member.mfa_enabled ? t('members.mfaOn') : t('members.mfaOff')}
        </Badge>
      </Table.Td>
      <Table.Td>{formatDate(member.joined_at)}</Table.Td>
      {canManage ? (
        <Table.Td>
          <ConfirmButton
            title={t('members.removeTitle')}
            question={t(isSelf ? 'members.leaveQuestion' : 'members.removeQuestion', { name: member.name })}
            confirmLabel={t('members.remove')}
            ariaLabel={t('members.removeMember', { name: member.name })}
            loading={remove.isPending}
            onConfirm={() => remove.mutate()}
          >
            {t('members.remove')}
          </ConfirmButton>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
