import { Badge, Button, Checkbox, Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { DataCategory, ErasureRequest, LegalHold } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { privacyApi } from './privacy.api';

type HoldDraft = { keep: boolean; basis: string; reason: string; expires_on: string };

/** The org admin approves (keeping what the law requires, each with a reason and an end date) or declines. */
export function ErasureDecisionForm({ request }: { request: ErasureRequest }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [note, setNote] = useState('');
  const [holds, setHolds] = useState<Record<string, HoldDraft>>(() =>
    Object.fromEntries(request.suggested_holds.map((s) => [s.category, { keep: true, basis: `${s.jurisdiction}: ${s.basis}`, reason: '', expires_on: '' }])),
  );
  const decide = useMutation({
    mutationFn: () => {
      const kept: LegalHold[] =
        decision === 'approve'
          ? Object.entries(holds)
              .filter(([, h]) => h.keep)
              .map(([category, h]) => ({ category: category as DataCategory, basis: h.basis, reason: h.reason, expires_on: h.expires_on }))
          : [];
      return privacyApi.decide(request.id, { decision, note, holds: kept });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.erasureRequests }),
  });
  const update = (category: string, change: Partial<HoldDraft>) => setHolds((all) => ({ ...all, [category]: { ...(all[category] as HoldDraft), ...change } }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    decide.mutate();
  };
  const idPrefix = `erasure-${request.id}`;

  return (
    <form onSubmit={submit} aria-label={t('privacy.review.decideFor', { name: request.client.name })}>
      <Stack gap="sm">
        <Radio.Group label={t('privacy.review.decision')} value={decision} onChange={(v) => setDecision(v as 'approve' | 'reject')}>
          <Group gap="md" mt={4}>
            <Radio value="approve" label={t('privacy.review.approve')} />
            <Radio value="reject" label={t('privacy.review.reject')} />
          </Group>
        </Radio.Group>
        {decision === 'approve' && request.suggested_holds.length > 0 ? (
          <Stack gap="xs" component="fieldset" className="plain-fieldset">
            <Text component="legend" fw={600}>
              {t('privacy.review.holds')}
            </Text>
            <Text size="sm">{t('privacy.review.holdsIntro')}</Text>
            {request.suggested_holds.map((s) => {
              const hold = holds[s.category] as HoldDraft;
              return (
                <Stack key={s.category} gap={6} pl="sm" className="hold-draft">
                  <Group gap="xs">
                    <Checkbox
                      checked={hold.keep}
                      onChange={(e) => update(s.category, { keep: e.currentTarget.checked })}
                      label={t('privacy.review.keep', { category: t(`privacy.review.category.${s.category}`) })}
                    />
                    {s.verified ? null : (
                      <Badge variant="outline" color="orange" c="var(--mantine-color-text)">
                        {t('privacy.review.unverified')}
                      </Badge>
                    )}
                  </Group>
                  {hold.keep ? (
                    <>
                      <TextInput
                        label={t('privacy.review.basis')}
                        value={hold.basis}
                        onChange={(e) => update(s.category, { basis: e.currentTarget.value })}
                        required
                      />
                      <Textarea
                        label={t('privacy.review.reason')}
                        value={hold.reason}
                        onChange={(e) => update(s.category, { reason: e.currentTarget.value })}
                        required
                        minLength={3}
                        autosize
                        minRows={2}
                      />
                      <TextInput
                        type="date"
                        label={t('privacy.review.until')}
                        value={hold.expires_on}
                        onChange={(e) => update(s.category, { expires_on: e.currentTarget.value })}
                        required
                        min={new Date().toISOString().slice(0, 10)}
                        description={t('privacy.review.untilHint')}
                        id={`${idPrefix}-${s.category}-until`}
                      />
                    </>
                  ) : null}
                </Stack>
              );
            })}
          </Stack>
        ) : null}
        <Textarea
          label={t('privacy.review.note')}
          description={t('privacy.review.noteHint')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          required
          minLength={3}
          autosize
          minRows={2}
        />
        <FormError error={decide.error} />
        <Group>
          <Button type="submit" loading={decide.isPending} color={decision === 'approve' ? 'red' : undefined}>
            {decision === 'approve' ? t('privacy.review.submitApprove') : t('privacy.review.submitReject')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
