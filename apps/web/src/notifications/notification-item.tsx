import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { Notification } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useOrgTime } from '../ui/use-org-time';
import { notificationTitle } from './notifications.api';

type Props = { item: Notification; onRead: (id: string) => void; busy: boolean };

/** One notification: urgent ones carry a red edge and badge; unread ones can be marked read. */
export function NotificationItem({ item, onRead, busy }: Props) {
  const { t, i18n } = useTranslation();
  const time = useOrgTime();
  const title = notificationTitle(item, i18n.language);
  return (
    <Paper component="li" withBorder p="md" style={item.urgent && !item.read_at ? { borderLeft: '6px solid var(--mantine-color-red-filled)' } : undefined}>
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          {item.urgent ? <Badge color="red">{t('notifications.urgent')}</Badge> : null}
          {item.read_at ? null : (
            <Badge color="blue" variant="light">
              {t('notifications.unread')}
            </Badge>
          )}
          <Text size="sm">{time.dateTime(item.created_at)}</Text>
        </Group>
        <Text fw={item.read_at ? 400 : 700}>{title}</Text>
        <Group gap="sm" wrap="wrap">
          {item.link ? (
            <Anchor component={Link} to={item.link} onClick={() => (item.read_at ? undefined : onRead(item.id))}>
              {t('notifications.open')}
            </Anchor>
          ) : null}
          {item.read_at ? null : (
            <Button size="xs" variant="default" onClick={() => onRead(item.id)} disabled={busy} aria-label={t('notifications.markReadNamed', { title })}>
              {t('notifications.markRead')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
