import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { QueryState } from '../ui/query-state';
import { ScrollTable } from '../ui/scroll-table';
import { useOrgTime } from '../ui/use-org-time';
import { messagingApi, type ResponseFigures } from './messaging.api';
import { spanOf } from './waiting-panel';

/** The practice's first-response times in asynchronous therapy over the last 30 days, and its target. */
export function ResponseTimesPanel() {
  const { t, i18n } = useTranslation();
  const time = useOrgTime();
  const queryClient = useQueryClient();
  const figures = useQuery({ queryKey: queryKeys.responseTimes, queryFn: () => messagingApi.responseTimes() });
  const [hours, setHours] = useState<number | string>('');
  const save = useMutation({
    mutationFn: (value: number) => messagingApi.setResponseTarget(value),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.responseTimes }),
  });
  const span = (seconds: number | null) => (seconds === null ? '—' : spanOf(t, seconds * 1000));
  const share = (f: ResponseFigures) =>
    f.within_target_share === null ? '—' : new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(f.within_target_share);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="response-times-title">
      <QueryState query={figures}>
        {(data) => (
          <Stack gap="md">
            <div>
              <Title order={2} size="h3" id="response-times-title">
                {t('asyncCare.figuresTitle')}
              </Title>
              <Text size="sm">{t('asyncCare.figuresPeriod', { from: time.dateTime(data.from), to: time.dateTime(data.to), hours: data.target_hours })}</Text>
            </div>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              {[
                [t('asyncCare.median'), span(data.overall.median_first_response_seconds)],
                [t('asyncCare.p90'), span(data.overall.p90_first_response_seconds)],
                [t('asyncCare.withinTarget'), share(data.overall)],
              ].map(([label, value]) => (
                <Paper key={label} withBorder p="sm">
                  <Text size="sm">{label}</Text>
                  <Text fw={700} size="xl">
                    {value}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            {data.specialists.length ? (
              <ScrollTable label={t('asyncCare.perSpecialist')} minWidth={560}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('asyncCare.specialist')}</Table.Th>
                    <Table.Th>{t('asyncCare.threads')}</Table.Th>
                    <Table.Th>{t('asyncCare.median')}</Table.Th>
                    <Table.Th>{t('asyncCare.p90')}</Table.Th>
                    <Table.Th>{t('asyncCare.withinTarget')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.specialists.map((s) => (
                    <Table.Tr key={s.specialist.id}>
                      <Table.Td>{s.specialist.name}</Table.Td>
                      <Table.Td>{t('asyncCare.answeredOf', { answered: s.answered, threads: s.threads })}</Table.Td>
                      <Table.Td>{span(s.median_first_response_seconds)}</Table.Td>
                      <Table.Td>{span(s.p90_first_response_seconds)}</Table.Td>
                      <Table.Td>{share(s)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            ) : (
              <Text c="dimmed">{t('asyncCare.noThreads')}</Text>
            )}
            <form
              onSubmit={(event) => {
                event.preventDefault();
                if (typeof hours === 'number') save.mutate(hours);
              }}
            >
              <Group align="flex-end" gap="sm" wrap="wrap">
                <NumberInput
                  label={t('asyncCare.targetLabel')}
                  description={t('asyncCare.targetHint')}
                  placeholder={String(data.target_hours)}
                  min={1}
                  max={168}
                  allowDecimal={false}
                  value={hours}
                  onChange={setHours}
                  maw={260}
                />
                <Button type="submit" disabled={typeof hours !== 'number'} loading={save.isPending}>
                  {t('asyncCare.saveTarget')}
                </Button>
              </Group>
              <FormError error={save.error} />
            </form>
          </Stack>
        )}
      </QueryState>
    </Paper>
  );
}
