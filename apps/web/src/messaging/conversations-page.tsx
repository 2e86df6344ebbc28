import { Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { useRealtimeEvent } from '../shell/realtime-socket';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { useOrgTime } from '../ui/use-org-time';
import { ChatPanel } from './chat-panel';
import { ConversationList, useConversationTitle } from './conversation-list';
import { messagingApi } from './messaging.api';
import { useMembershipEvents } from './use-membership-events';
import { StartDirectChat, StartProgramChat } from './start-conversation';

/** The care team's messages: case chats, direct chats with colleagues and program chats, with what is unread. */
export function ConversationsPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  usePageTitle(t('inbox.pageTitle'));
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const list = useQuery({ queryKey: queryKeys.conversationList, queryFn: () => messagingApi.mine() });
  useRealtimeEvent('message', () => void queryClient.invalidateQueries({ queryKey: queryKeys.conversationList }));
  const titleOf = useConversationTitle();
  useMembershipEvents(me.id);
  const select = (id: string) => setParams({ c: id }, { replace: true });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('inbox.pageTitle')}</Title>
      <Text>{t('inbox.intro', { zone: time.zone })}</Text>
      <Group gap="sm">
        <StartDirectChat onStarted={select} />
        <StartProgramChat onStarted={select} />
      </Group>
      <QueryState query={list}>
        {(items) => {
          const chosen = items.find((c) => c.id === params.get('c')) ?? items[0] ?? null;
          return (
            <Grid gap="md">
              <Grid.Col span={{ base: 12, md: 4 }}>
                <nav aria-label={t('inbox.listLabel')}>
                  <ConversationList items={items} selectedId={chosen?.id ?? null} onSelect={select} />
                </nav>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 8 }}>{chosen ? <ChatPanel key={chosen.id} conversationId={chosen.id} title={titleOf(chosen)} /> : null}</Grid.Col>
            </Grid>
          );
        }}
      </QueryState>
    </Stack>
  );
}
