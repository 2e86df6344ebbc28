import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { Pager } from '../ui/pager';
import { QueryState } from '../ui/query-state';
import { ScrollTable } from '../ui/scroll-table';
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
      <QueryState query={mailbox}>
        {({ items, meta }) =>
          items.length === 0 ? (
            <Text>{t('mailbox.empty')}</Text>
          ) : (
            <Stack gap="sm">
              <ScrollTable label={t('mailbox.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('mailbox.subject')}</Table.Th>
                    <Table.Th>{t('mailbox.to')}</Table.Th>
                    <Table.Th>{t('mailbox.status')}</Table.Th>
                    <Table.Th>{t('mailbox.date')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((mail) => (
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
                  ))}
                </Table.Tbody>
              </ScrollTable>
              <Pager meta={meta} onChange={setPage} />
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
