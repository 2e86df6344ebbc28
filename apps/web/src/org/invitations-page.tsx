import { Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { ScrollTable } from '../ui/scroll-table';
import { usePageTitle } from '../ui/use-page-title';
import { InvitationRow } from './invitation-row';
import { InviteForm } from './invite-form';
import { orgApi } from './org.api';
import { useActiveOrgId } from './use-active-org-id';

export function InvitationsPage() {
  const { t } = useTranslation();
  usePageTitle(t('invitations.title'));
  const orgId = useActiveOrgId();
  const invitations = useQuery({ queryKey: queryKeys.invitations(orgId), queryFn: () => orgApi.invitations(orgId) });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('invitations.title')}</Title>
      <InviteForm orgId={orgId} />
      <Stack gap="sm" component="section" aria-labelledby="sent-invitations-heading">
        <Title order={2} size="h3" id="sent-invitations-heading">
          {t('invitations.sentTitle')}
        </Title>
        <QueryState query={invitations}>
          {(items) =>
            items.length === 0 ? (
              <Text>{t('invitations.none')}</Text>
            ) : (
              <ScrollTable label={t('invitations.sentTitle')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.email')}</Table.Th>
                    <Table.Th>{t('fields.role')}</Table.Th>
                    <Table.Th>{t('invitations.status')}</Table.Th>
                    <Table.Th>{t('invitations.expires')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((invitation) => (
                    <InvitationRow key={invitation.id} orgId={orgId} invitation={invitation} />
                  ))}
                </Table.Tbody>
              </ScrollTable>
            )
          }
        </QueryState>
      </Stack>
    </Stack>
  );
}
