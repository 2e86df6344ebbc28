import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { QueryState } from '../ui/query-state';
import { ScrollTable } from '../ui/scroll-table';
import { usePageTitle } from '../ui/use-page-title';
import { MemberRow } from './member-row';
import { orgApi } from './org.api';
import { useActiveOrgId } from './use-active-org-id';

/** The team of the active organization; admins can change roles and remove people, supervisors can look. */
export function MembersPage() {
  const { t } = useTranslation();
  usePageTitle(t('members.title'));
  const me = useSignedInUser();
  const orgId = useActiveOrgId();
  const members = useQuery({ queryKey: queryKeys.members(orgId), queryFn: () => orgApi.members(orgId) });
  const canManage = me.active_role === 'org_admin';

  return (
    <Stack gap="lg">
      <Title order={1}>{t('members.title')}</Title>
      <Text>{canManage ? t('members.introAdmin') : t('members.introReadOnly')}</Text>
      <QueryState query={members}>
        {(items) => (
          <ScrollTable label={t('members.title')} minWidth={720}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('fields.name')}</Table.Th>
                <Table.Th>{t('fields.email')}</Table.Th>
                <Table.Th>{t('fields.role')}</Table.Th>
                <Table.Th>{t('members.mfa')}</Table.Th>
                <Table.Th>{t('members.joined')}</Table.Th>
                {canManage ? (
                  <Table.Th>
                    <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                  </Table.Th>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((member) => (
                <MemberRow key={member.user_id} orgId={orgId} member={member} canManage={canManage} isSelf={member.user_id === me.id} />
              ))}
            </Table.Tbody>
          </ScrollTable>
        )}
      </QueryState>
    </Stack>
  );
}
