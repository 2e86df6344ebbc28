import { Paper, Stack, Text } from '@mantine/core';
import type { FormAssignment } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../ui/use-org-time';
import { answerText } from './field-input';

/** A submitted form read back: each question with its answer, then the signature's evidence. */
export function AnswersView({ assignment }: { assignment: FormAssignment }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const signature = assignment.signature;
  return (
    <Stack gap="sm">
      <Stack gap="xs" component="dl" m={0}>
        {assignment.fields
          .filter((field) => field.type !== 'signature')
          .map((field) => (
            <div key={field.key}>
              <Text component="dt" fw={600}>
                {field.label}
              </Text>
              <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap' }}>
                {answerText(field, assignment.answers[field.key], t)}
              </Text>
            </div>
          ))}
      </Stack>
      {signature ? (
        <Paper withBorder p="sm">
          <Text fw={600}>{t('forms.signedBy', { name: signature.name })}</Text>
          <Text size="sm">{t('forms.signedAt', { time: time.dateTime(signature.signed_at) })}</Text>
          <Text size="sm">{t('forms.signedFrom', { ip: signature.ip ?? '—' })}</Text>
          <Text size="sm" style={{ wordBreak: 'break-all' }}>
            {t('forms.signatureHash', { hash: signature.hash })}
          </Text>
        </Paper>
      ) : null}
    </Stack>
  );
}
