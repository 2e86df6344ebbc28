import { Button, Collapse, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { errorMessage } from '../i18n/error-message';
import { ConfirmButton } from '../ui/confirm-button';
import { FormModal } from '../ui/form-modal';
import { notify } from '../ui/notify';
import { type Conversation, messagingApi, type Participant } from './messaging.api';
import { PeoplePicker } from './start-conversation';

type Props = { conversation: Conversation; title: string; myId: string };

/** Who is in a program chat; whoever runs it adds people and takes them out, anyone else may leave. */
export function ProgramMembers({ conversation, title, myId }: Props) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const runsIt = conversation.created_by === myId;
  const listId = `program-people-${conversation.id}`;
  const people = [...conversation.participants].sort((a, b) => rank(a, conversation, myId) - rank(b, conversation, myId) || a.name.localeCompare(b.name));

  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button variant="subtle" size="compact-sm" onClick={toggle} aria-expanded={opened} aria-controls={listId}>
          {t('inbox.members.toggle', { count: people.length })}
        </Button>
        {runsIt ? <AddPeople conversation={conversation} /> : <LeaveChat conversationId={conversation.id} title={title} />}
      </Group>
      <Collapse expanded={opened} id={listId}>
        <Stack gap={4} component="ul" className="plain-list" m={0} p={0} aria-label={t('inbox.members.listLabel', { title })}>
          {people.map((person) => (
            <Group key={person.id} component="li" gap="sm" justify="space-between" wrap="nowrap">
              <Text size="sm">
                {person.name}
                {person.id === conversation.created_by ? ` — ${t('inbox.members.runsIt')}` : person.id === myId ? ` — ${t('inbox.members.you')}` : ''}
              </Text>
              {runsIt && person.id !== myId ? <RemovePerson conversationId={conversation.id} person={person} title={title} /> : null}
            </Group>
          ))}
        </Stack>
      </Collapse>
    </Stack>
  );
}

/** The one running the chat first, then me, then everyone else by name. */
const rank = (person: Participant, conversation: Conversation, myId: string) => (person.id === conversation.created_by ? 0 : person.id === myId ? 1 : 2);

function RemovePerson({ conversationId, person, title }: { conversationId: string; person: Participant; title: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => messagingApi.removePerson(conversationId, person.id),
    onSuccess: () => notify({ color: 'teal', message: t('inbox.members.removed', { name: person.name }) }),
    onError: (error: unknown) => notify({ color: 'red', message: errorMessage(t, error) }),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversationId) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
    },
  });
  return (
    <ConfirmButton
      title={t('inbox.members.removeTitle')}
      question={t('inbox.members.removeQuestion', { name: person.name, title })}
      confirmLabel={t('inbox.members.remove')}
      ariaLabel={t('inbox.members.removeName', { name: person.name })}
      loading={remove.isPending}
      onConfirm={() => remove.mutate()}
    >
      {t('inbox.members.remove')}
    </ConfirmButton>
  );
}

/** Leaving for good: the chat goes from my list at once (the server tells my other pages too). */
function LeaveChat({ conversationId, title }: { conversationId: string; title: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const leave = useMutation({
    mutationFn: () => messagingApi.leave(conversationId),
    onSuccess: async () => {
      notify({ color: 'teal', message: t('inbox.members.left', { title }) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
      queryClient.removeQueries({ queryKey: queryKeys.conversation(conversationId) });
    },
    onError: (error: unknown) => notify({ color: 'red', message: errorMessage(t, error) }),
  });
  return (
    <ConfirmButton
      variant="subtle"
      size="compact-sm"
      title={t('inbox.members.leaveTitle')}
      question={t('inbox.members.leaveQuestion', { title })}
      confirmLabel={t('inbox.members.leave')}
      loading={leave.isPending}
      onConfirm={() => leave.mutate()}
    >
      {t('inbox.members.leave')}
    </ConfirmButton>
  );
}

function AddPeople({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const add = useMutation({
    mutationFn: (userIds: string[]) => messagingApi.addPeople(conversation.id, userIds),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversation(conversation.id) });
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
    },
  });
  return (
    <FormModal
      buttonLabel={t('inbox.members.add')}
      buttonProps={{ variant: 'subtle', size: 'compact-sm' }}
      title={t('inbox.members.addTitle')}
      submitLabel={t('inbox.members.addSubmit')}
      pending={add.isPending}
      error={add.error}
      onOpen={() => add.reset()}
      onSubmit={(form) => add.mutateAsync(form.getAll('participant_ids').map(String))}
    >
      <PeoplePicker except={conversation.participants.map((p) => p.id)} />
    </FormModal>
  );
}
