import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { PagedTable } from '../ui/paged-table';
import { useFormatDate } from '../ui/use-format-date';
import { usePageTitle } from '../ui/use-page-title';
import { adminApi } from './admin.api';

/** Every email the platform sent or captured, newest first. */
export function MailboxPage() {
  const { t } = useTranslation();
  usePageTitle(t('mailbox.title'));
  const formatDate = useFormatDate();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const mailbox = useQuery({
    queryKey: queryKeys.mailbox(page),
    queryFn: () => adminApi.mailbox(page),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('mailbox.title')}</Title>
      <Text>{t('mailbox.intro')}</Text>
      <PagedTable
        query={mailbox}
        label={t('mailbox.title')}
        empty={t('mailbox.empty')}
        columns={[t('mailbox.subject'), t('mailbox.to'), t('mailbox.status'), t('mailbox.date')]}
        onPageChange={setPage}
      >
        {(mail) => (
          // The subject is the link for keyboards and screen readers; the whole row answers a click.
          <Table.Tr key={mail.id} className="clickable-row" onClick={() => void navigate(`/admin/mail/${mail.id}`)}>
            <Table.Td>
              <Anchor component={Link} to={`/admin/mail/${mail.id}`}>
                {mail.subject || t('mailbox.noSubject')}
              </Anchor>
            </Table.Td>
            <Table.Td>{mail.to}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={mail.status === 'failed' ? 'red' : 'gray'}>
                {t(`mailbox.statuses.${mail.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{formatDate(mail.created_at)}</Table.Td>
          </Table.Tr>
        )}
      </PagedTable>
    </Stack>
  );
}
