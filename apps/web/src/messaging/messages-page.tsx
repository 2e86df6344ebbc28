import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { casesApi } from '../cases/cases.api';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { CaseChat } from './case-chat';
import { ChatPanel } from './chat-panel';
import { messagingApi } from './messaging.api';
import { useMembershipEvents } from './use-membership-events';

const filters = { sort: 'updated', page: 1 } as const;

/** A client's messages with their care team: one conversation per course of care, and the program chats they were added to. */
export function MessagesPage() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  usePageTitle(t('chat.pageTitle'));
  const [params, setParams] = useSearchParams();
  const cases = useQuery({ queryKey: queryKeys.caseList(filters), queryFn: () => casesApi.list(filters) });
  // Program chats are looked up after the cases, so the case chat a client came for opens first.
  const conversations = useQuery({ queryKey: queryKeys.conversationList, queryFn: () => messagingApi.mine(), enabled: cases.isSuccess });
  const programs = (conversations.data ?? []).filter((c) => c.kind === 'program');
  useMembershipEvents(me.id);

  return (
    <Stack gap="lg">
      <Title order={1}>{t('chat.pageTitle')}</Title>
      <Text>{t('chat.pageIntro')}</Text>
      <QueryState query={cases}>
        {({ items }) => {
          if (!items.length && !programs.length) return <Text>{t('chat.noCases')}</Text>;
          const options = [
            ...items.map((item) => ({ value: `case:${item.id}`, label: `${item.title} — ${item.specialist.name}` })),
            ...programs.map((c) => ({ value: `program:${c.id}`, label: `${c.title ?? t('inbox.kind.program')} — ${t('inbox.kind.program')}` })),
          ];
          const wanted = params.get('case') ? `case:${params.get('case')}` : params.get('program') ? `program:${params.get('program')}` : null;
          const chosen = options.find((o) => o.value === wanted) ?? options[0];
          if (!chosen) return null;
          const [kind, id = ''] = chosen.value.split(':');
          const program = programs.find((c) => c.id === id);
          return (
            <Stack gap="md">
              {options.length > 1 ? (
                <NativeSelect
                  label={t('chat.chooseCase')}
                  value={chosen.value}
                  onChange={(event) => {
                    const [nextKind, nextId = ''] = event.currentTarget.value.split(':');
                    setParams({ [nextKind === 'program' ? 'program' : 'case']: nextId }, { replace: true });
                  }}
                  data={options}
                  maw={480}
                />
              ) : null}
              {kind === 'program' && program ? (
                <ChatPanel key={id} conversationId={id} title={program.title ?? t('inbox.kind.program')} />
              ) : (
                <CaseChat key={id} caseId={id} title={t('chat.clientTitle')} />
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
