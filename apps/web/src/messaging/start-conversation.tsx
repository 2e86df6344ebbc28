import { Checkbox, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { casesApi } from '../cases/cases.api';
import { orgApi } from '../org/org.api';
import { useActiveOrgId } from '../org/use-active-org-id';
import { FormModal } from '../ui/form-modal';
import { messagingApi, type StartConversation } from './messaging.api';

const staffRoles = new Set(['specialist', 'co_specialist', 'supervisor', 'org_admin']);
const caseFilters = { sort: 'updated', page: 1 } as const;

function useStart(onStarted: (id: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: StartConversation) => messagingApi.start(input),
    onSuccess: async (started) => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.conversationList });
      onStarted(started.id);
    },
  });
}

function useColleagues() {
  const orgId = useActiveOrgId();
  const me = useSignedInUser();
  const members = useQuery({ queryKey: queryKeys.members(orgId), queryFn: () => orgApi.members(orgId) });
  return (members.data ?? []).filter((m) => staffRoles.has(m.role) && m.user_id !== me.id);
}

/** Opens (or finds) the one direct chat with a colleague. */
export function StartDirectChat({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const colleagues = useColleagues();
  const start = useStart(onStarted);
  return (
    <FormModal
      buttonLabel={t('inbox.direct.button')}
      title={t('inbox.direct.title')}
      submitLabel={t('inbox.direct.submit')}
      pending={start.isPending}
      error={start.error}
      onSubmit={(form) => start.mutateAsync({ kind: 'direct', with_user_id: String(form.get('with_user_id')) })}
    >
      {colleagues.length ? (
        <NativeSelect
          name="with_user_id"
          label={t('inbox.direct.colleague')}
          required
          data={colleagues.map((m) => ({ value: m.user_id, label: `${m.name} — ${t(`roles.${m.role}`)}` }))}
        />
      ) : (
        <Text c="dimmed">{t('inbox.direct.noColleagues')}</Text>
      )}
    </FormModal>
  );
}

/** A group chat with a title: colleagues, and clients of the cases I work on. */
export function StartProgramChat({ onStarted }: { onStarted: (id: string) => void }) {
  const { t } = useTranslation();
  const start = useStart(onStarted);
  return (
    <FormModal
      buttonLabel={t('inbox.program.button')}
      title={t('inbox.program.title')}
      submitLabel={t('inbox.program.submit')}
      pending={start.isPending}
      error={start.error}
      onSubmit={(form) =>
        start.mutateAsync({ kind: 'program', title: String(form.get('title') ?? ''), participant_ids: form.getAll('participant_ids').map(String) })
      }
    >
      <TextInput name="title" label={t('inbox.program.name')} required maxLength={120} />
      <PeoplePicker />
    </FormModal>
  );
}

/** Whom I may bring into a program chat: clients of the cases I work on and colleagues (minus `except`). */
export function PeoplePicker({ except = [] }: { except?: string[] }) {
  const { t } = useTranslation();
  const colleagues = useColleagues().filter((m) => !except.includes(m.user_id));
  const cases = useQuery({ queryKey: queryKeys.caseList(caseFilters), queryFn: () => casesApi.list(caseFilters) });
  const clients = new Map(
    (cases.data?.items ?? [])
      .filter((c) => (c.my_access === 'primary' || c.my_access === 'co_specialist') && !except.includes(c.client.id))
      .map((c) => [c.client.id, c.client.name]),
  );
  if (!clients.size && !colleagues.length) return <Text c="dimmed">{t('inbox.program.nobodyToAdd')}</Text>;
  return (
    <Checkbox.Group label={t('inbox.program.people')} description={t('inbox.program.peopleHint')}>
      <Stack gap={6} mt={6}>
        {[...clients].map(([id, name]) => (
          <Checkbox key={id} name="participant_ids" value={id} label={`${name} — ${t('roles.client')}`} />
        ))}
        {colleagues.map((m) => (
          <Checkbox key={m.user_id} name="participant_ids" value={m.user_id} label={`${m.name} — ${t(`roles.${m.role}`)}`} />
        ))}
      </Stack>
    </Checkbox.Group>
  );
}
