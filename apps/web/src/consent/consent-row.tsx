import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { ConsentStatusEntry } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../ui/use-org-time';

const stateColor = { granted: 'green', revoked: 'gray', expired: 'yellow', none: 'gray' } as const;

/** Where one consent stands: its state, since when and until when. */
export function ConsentStateLine({ entry }: { entry: Pick<ConsentStatusEntry, 'state' | 'granted_at' | 'revoked_at' | 'expires_at'> }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const when =
    entry.state === 'granted' && entry.granted_at
      ? [t('consent.givenAt', { time: time.date(entry.granted_at) }), entry.expires_at ? t('consent.until', { time: time.date(entry.expires_at) }) : null]
      : entry.state === 'revoked' && entry.revoked_at
        ? [t('consent.revokedAt', { time: time.date(entry.revoked_at) })]
        : entry.state === 'expired' && entry.expires_at
          ? [t('consent.expiredAt', { time: time.date(entry.expires_at) })]
          : [];
  return (
    <Group gap="xs" wrap="wrap">
      <Badge variant="light" color={stateColor[entry.state]} c="var(--mantine-color-text)">
        {t(`consent.state.${entry.state}`)}
      </Badge>
      {when.filter(Boolean).length ? <Text size="sm">{when.filter(Boolean).join('')}</Text> : null}
    </Group>
  );
}

type Props = { title: string; detail?: string | null; entry: ConsentStatusEntry; action: React.ReactNode };

/** One consent in a list: what it is, where it stands, and what the client can do about it. */
export function ConsentRow({ title, detail, entry, action }: Props) {
  return (
    <Paper component="li" withBorder p="sm">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 16rem' }}>
          <Text fw={600}>{title}</Text>
          {detail ? <Text size="sm">{detail}</Text> : null}
          <ConsentStateLine entry={entry} />
        </Stack>
        {action}
      </Group>
    </Paper>
  );
}
