import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { LinkifiedText } from '../ui/linkified-text';
import { QueryState } from '../ui/query-state';
import { useFormatDate } from '../ui/use-format-date';
import { usePageTitle } from '../ui/use-page-title';
import { adminApi } from './admin.api';

export function MailMessagePage() {
  const { t } = useTranslation();
  const { mailId = '' } = useParams();
  const formatDate = useFormatDate();
  const mail = useQuery({ queryKey: queryKeys.mail(mailId), queryFn: () => adminApi.mail(mailId) });
  usePageTitle(mail.data?.subject || t('mailbox.message'));

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/admin/mail">
        {t('mailbox.back')}
      </Anchor>
      <QueryState query={mail}>
        {(message) => (
          <Stack gap="md">
            <Title order={1}>{message.subject || t('mailbox.noSubject')}</Title>
            <Group gap="lg" wrap="wrap">
              <Text>
                {t('mailbox.to')}: {message.to}
              </Text>
              <Text>{formatDate(message.created_at)}</Text>
              <Badge variant="light" color={message.status === 'failed' ? 'red' : 'gray'}>
                {t(`mailbox.statuses.${message.status}`)}
              </Badge>
            </Group>
            <Paper withBorder p="md" component="article" aria-label={t('mailbox.body')}>
              <LinkifiedText text={message.text} />
            </Paper>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
