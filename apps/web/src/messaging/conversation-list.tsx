import { Badge, Group, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../ui/use-org-time';
import type { ConversationSummary } from './messaging.api';

type Props = { items: ConversationSummary[]; selectedId: string | null; onSelect: (id: string) => void };

/** What to call a conversation in a list: the program's title, the colleague, or the people of the case. */
export function useConversationTitle() {
  const { t } = useTranslation();
  return (c: Pick<ConversationSummary, 'kind' | 'title' | 'participants'>) => {
    const names = c.participants.map((p) => p.name).join(', ');
    if (c.kind === 'program') return c.title ?? t('inbox.kind.program');
    if (c.kind === 'case') return t('inbox.caseWith', { names: names || t('inbox.nobody') });
    return names || t('inbox.nobody');
  };
}

/** My conversations, latest first; each says its kind and how many messages wait for me. */
export function ConversationList({ items, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const titleOf = useConversationTitle();
  if (!items.length) return <Text c="dimmed">{t('inbox.none')}</Text>;
  return (
    <Stack gap={2} component="ul" className="plain-list" m={0} p={0}>
      {items.map((c) => (
        <li key={c.id}>
          <NavLink
            component="button"
            type="button"
            aria-current={c.id === selectedId ? 'true' : undefined}
            onClick={() => onSelect(c.id)}
            // Mantine's active tint makes the description too faint to read; the chosen row is marked by a bar instead.
            style={c.id === selectedId ? { borderInlineStart: '4px solid var(--mantine-primary-color-filled)' } : undefined}
            styles={{ description: { color: 'var(--mantine-color-text)' } }}
            label={
              <Group gap={6} wrap="nowrap" justify="space-between">
                <Text size="sm" fw={c.unread ? 700 : 500} truncate>
                  {titleOf(c)}
                </Text>
                {c.unread ? (
                  <Badge size="sm" circle={c.unread < 10} aria-label={t('inbox.unread', { count: c.unread })}>
                    {c.unread}
                  </Badge>
                ) : null}
              </Group>
            }
            description={
              <span>
                {t(`inbox.kind.${c.kind}`)}
                {c.last_message_at ? ` · ${time.dateTime(c.last_message_at)}` : ''}
              </span>
            }
          />
        </li>
      ))}
    </Stack>
  );
}
