import { Alert, Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { FormError } from '../../ui/form-error';
import { QueryState } from '../../ui/query-state';
import { usePageTitle } from '../../ui/use-page-title';
import { afterApi } from './after.api';
import { FeedbackAnswers } from './feedback-view';

const SCALE = Array.from({ length: 11 }, (_, i) => String(i));

/** Where the client lands when a session ends: Tend's own three short questions (ADR 0019), which they may skip. */
export function FeedbackPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  usePageTitle(t('sessionFeedback.title'));
  const query = useQuery({ queryKey: queryKeys.sessionFeedback(id), queryFn: () => afterApi.feedback(id) });
  const [sent, setSent] = useState(false);
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('sessionFeedback.title')}</Title>
      <QueryState query={query}>
        {({ status, feedback }) =>
          feedback ? (
            <Paper withBorder p="md">
              <Stack gap="xs">
                <Text role="status">{sent ? t('sessionFeedback.thanks') : t('sessionFeedback.given')}</Text>
                <FeedbackAnswers feedback={feedback} />
              </Stack>
            </Paper>
          ) : status !== 'completed' ? (
            <Text>{t('sessionFeedback.notEnded')}</Text>
          ) : (
            <FeedbackForm sessionId={id} onSent={() => setSent(true)} />
          )
        }
      </QueryState>
    </Stack>
  );
}

function Scale({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group label={label} description={t('sessionFeedback.scaleHint')} value={value} onChange={onChange} required>
      <Group gap="sm" mt="xs" wrap="wrap">
        {SCALE.map((n) => (
          <Radio key={n} value={n} label={n} />
        ))}
      </Group>
    </Radio.Group>
  );
}

function FeedbackForm({ sessionId, onSent }: { sessionId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [helpful, setHelpful] = useState('');
  const [heard, setHeard] = useState('');
  const [comment, setComment] = useState('');
  const [missing, setMissing] = useState(false);
  const send = useMutation({
    mutationFn: () => afterApi.giveFeedback(sessionId, { helpful: Number(helpful), heard: Number(heard), comment: comment.trim() || undefined }),
    onSuccess: (feedback) => {
      onSent();
      queryClient.setQueryData(queryKeys.sessionFeedback(sessionId), { status: 'completed', feedback });
    },
  });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (helpful === '' || heard === '') return setMissing(true);
        send.mutate();
      }}
    >
      <Stack gap="md">
        <Text>{t('sessionFeedback.intro')}</Text>
        <Scale label={t('sessionFeedback.helpful')} value={helpful} onChange={setHelpful} />
        <Scale label={t('sessionFeedback.heard')} value={heard} onChange={setHeard} />
        <Textarea
          label={t('sessionFeedback.comment')}
          autosize
          minRows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
        />
        {missing && (helpful === '' || heard === '') ? (
          <Alert color="red" role="alert">
            {t('sessionFeedback.choose')}
          </Alert>
        ) : null}
        <FormError error={send.error} />
        <Group>
          <Button type="submit" loading={send.isPending}>
            {t('sessionFeedback.send')}
          </Button>
          <Button variant="default" onClick={() => void navigate('/client')}>
            {t('sessionFeedback.skip')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
