import { Badge, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Delivery } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { PagedTable } from '../ui/paged-table';
import { useFormatDate } from '../ui/use-format-date';
import { deliveryDetail } from './delivery-detail';
import { notificationsApi } from './notifications.api';

const statusColor: Record<Delivery['status'], string> = {
  queued: 'blue',
  sending: 'blue',
  sent: 'teal',
  captured: 'gray',
  skipped: 'gray',
  failed: 'red',
};

/** Every email, SMS and push Tend tried to send this person, newest first, with what happened. */
export function DeliveryLogSection() {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const [page, setPage] = useState(1);
  const deliveries = useQuery({ queryKey: queryKeys.notificationDeliveries(page), queryFn: () => notificationsApi.deliveries(page) });
  const detailOf = (d: Delivery) =>
    d.status === 'queued' && d.not_before ? t('notificationSettings.log.heldUntil', { time: formatDate(d.not_before) }) : deliveryDetail(t, d.detail);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="delivery-log-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="delivery-log-heading">
          {t('notificationSettings.log.title')}
        </Title>
        <Text>{t('notificationSettings.log.intro')}</Text>
        <PagedTable
          query={deliveries}
          label={t('notificationSettings.log.title')}
          empty={t('notificationSettings.log.empty')}
          columns={[
            t('notificationSettings.log.time'),
            t('notificationSettings.log.channel'),
            t('notificationSettings.category'),
            t('notificationSettings.log.status'),
            t('notificationSettings.log.attempts'),
            t('notificationSettings.log.detail'),
          ]}
          onPageChange={setPage}
        >
          {(d) => (
            <Table.Tr key={d.id}>
              <Table.Td className="nowrap">{formatDate(d.sent_at ?? d.created_at)}</Table.Td>
              <Table.Td>{t(`notificationSettings.channels.${d.channel}`)}</Table.Td>
              <Table.Td>{t(`notificationSettings.categories.${d.category}`)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={statusColor[d.status]}>
                  {t(`notificationSettings.log.statuses.${d.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{d.attempts}</Table.Td>
              <Table.Td>{detailOf(d)}</Table.Td>
            </Table.Tr>
          )}
        </PagedTable>
      </Stack>
    </Paper>
  );
}
