import { Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { NoteStatusBadge } from '../cases/case-badges';
import { can } from '../cases/case-access';
import { casesApi } from '../cases/cases.api';
import { usePracticePeople } from '../cases/use-practice-people';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { AmendEditor } from './amend-editor';
import { DraftEditor } from './draft-editor';
import { notesApi } from './notes.api';
import { SignedNoteView } from './signed-note-view';
import { useTemplateName } from './use-template-name';

/** A progress note: its author edits the draft or amends it once signed; the care team reads it. */
export function NotePage() {
  const { t } = useTranslation();
  const { caseId = '', noteId = '' } = useParams();
  const me = useSignedInUser();
  const people = usePracticePeople();
  const [amending, setAmending] = useState(false);
  const item = useQuery({ queryKey: queryKeys.case(caseId), queryFn: () => casesApi.get(caseId) });
  const note = useQuery({ queryKey: queryKeys.note(caseId, noteId), queryFn: () => notesApi.get(caseId, noteId) });
  const templateName = useTemplateName();
  usePageTitle(note.data ? t('cases.timeline.note', { template: templateName(note.data.template) }) : t('notes.title'));

  return (
    <Stack gap="lg" maw={880}>
      <Anchor component={Link} to={`/cases/${caseId}`} size="sm">
        {item.data ? t('notes.backToCase', { title: item.data.title }) : t('notes.backToCaseShort')}
      </Anchor>
      <QueryState query={note}>
        {(current) => {
          const isAuthor = current.author.id === me.id;
          const access = item.data?.my_access ?? 'client';
          return (
            <Stack gap="md">
              <Group gap="sm" wrap="wrap">
                <Title order={1}>{t('cases.timeline.note', { template: templateName(current.template) })}</Title>
                <NoteStatusBadge status={current.status} />
              </Group>
              <Text size="sm">{t('notes.forCase', { client: item.data?.client.name ?? '', author: current.author.name })}</Text>
              {current.status === 'draft' ? (
                isAuthor ? (
                  <DraftEditor note={current} />
                ) : (
                  <Text>{t('notes.draftOfOther')}</Text>
                )
              ) : amending ? (
                <AmendEditor note={current} onDone={() => setAmending(false)} />
              ) : (
                <SignedNoteView
                  note={current}
                  canAmend={isAuthor && can(access, 'writeNotes')}
                  canCosign={!isAuthor && can(access, 'cosignNotes')}
                  cosignerName={people.nameOf(current.cosigned_by)}
                  onAmend={() => setAmending(true)}
                />
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
