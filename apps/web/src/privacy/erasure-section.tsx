import { Badge, Button, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { privacyApi } from './privacy.api';

/** The client asks the practice to erase their data, and sees where each request stands. */
export function ErasureSection() {
  const { t } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const requests = useQuery({ queryKey: queryKeys.erasureRequests, queryFn: privacyApi.erasureRequests });
  const ask = useMutation({
    mutationFn: () => privacyApi.requestErasure(reason.trim() || undefined),
    onSuccess: () => {
      setReason('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.erasureRequests });
    },
  });
  const pending = requests.data?.some((r) => r.status === 'requested' || r.status === 'approved') ?? false;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="erasure-heading">
      <Stack gap="sm">
        <Title order={2} size="h3" id="erasure-heading">
          {t('privacy.erasure.title')}
        </Title>
        <Text>{t('privacy.erasure.intro')}</Text>
        <QueryState query={requests}>
          {(items) => (
            <Stack gap="xs" component="ul" className="plain-list">
              {items.map((item) => (
                <li key={item.id}>
                  <Badge variant="light" c="var(--mantine-color-text)" mr="xs">
                    {t(`privacy.erasure.status.${item.status}`)}
                  </Badge>
                  <Text span size="sm">
                    {t('privacy.erasure.requestedAt', { time: time.dateTime(item.requested_at) })}
                  </Text>
                  {item.decision_note ? <Text size="sm">{t('privacy.erasure.practiceSaid', { note: item.decision_note })}</Text> : null}
                  {item.holds.length > 0 ? <Text size="sm">{t('privacy.erasure.kept', { count: item.holds.length })}</Text> : null}
                </li>
              ))}
            </Stack>
          )}
        </QueryState>
        {pending ? null : (
          <>
            <Textarea label={t('privacy.erasure.reason')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <FormError error={ask.error} />
            <Button color="red" variant="outline" onClick={() => ask.mutate()} loading={ask.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('privacy.erasure.ask')}
            </Button>
          </>
        )}
      </Stack>
    </Paper>
  );
}
