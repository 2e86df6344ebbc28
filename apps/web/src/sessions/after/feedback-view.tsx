import { Paper, Stack, Text, Title } from '@mantine/core';
import type { SessionFeedbackDto } from '@tend/contracts';
import { useTranslation } from 'react-i18next';

/** The client's answers to Tend's own three questions, or a note that none came yet. */
export function FeedbackView({ feedback, headingId = 'after-feedback-heading' }: { feedback: SessionFeedbackDto | null; headingId?: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={headingId}>
          {t('afterSession.feedback.title')}
        </Title>
        {feedback ? <FeedbackAnswers feedback={feedback} /> : <Text>{t('afterSession.feedback.waiting')}</Text>}
        <Text size="sm">{t('afterSession.feedback.ownQuestions')}</Text>
      </Stack>
    </Paper>
  );
}

export function FeedbackAnswers({ feedback }: { feedback: SessionFeedbackDto }) {
  const { t } = useTranslation();
  return (
    <dl className="feedback-answers">
      <dt>{t('sessionFeedback.helpfulShort')}</dt>
      <dd>{t('sessionFeedback.answer', { value: feedback.helpful })}</dd>
      <dt>{t('sessionFeedback.heardShort')}</dt>
      <dd>{t('sessionFeedback.answer', { value: feedback.heard })}</dd>
      {feedback.comment ? (
        <>
          <dt>{t('sessionFeedback.commentShort')}</dt>
          <dd>{feedback.comment}</dd>
        </>
      ) : null}
    </dl>
  );
}
