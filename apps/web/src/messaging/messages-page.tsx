import { NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { casesApi } from '../cases/cases.api';
import { QueryState } from '../ui/query-state';
import { usePageTitle } from '../ui/use-page-title';
import { CaseChat } from './case-chat';

const filters = { sort: 'updated', page: 1 } as const;

/** A client's messages with their care team: one conversation per course of care. */
export function MessagesPage() {
  const { t } = useTranslation();
  usePageTitle(t('chat.pageTitle'));
  const [params, setParams] = useSearchParams();
  const cases = useQuery({ queryKey: queryKeys.caseList(filters), queryFn: () => casesApi.list(filters) });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('chat.pageTitle')}</Title>
      <Text>{t('chat.pageIntro')}</Text>
      <QueryState query={cases}>
        {({ items }) => {
          if (!items.length) return <Text>{t('chat.noCases')}</Text>;
          const chosen = items.find((item) => item.id === params.get('case')) ?? items[0];
          if (!chosen) return null;
          return (
            <Stack gap="md">
              {items.length > 1 ? (
                <NativeSelect
                  label={t('chat.chooseCase')}
                  value={chosen.id}
                  onChange={(event) => setParams({ case: event.currentTarget.value }, { replace: true })}
                  data={items.map((item) => ({ value: item.id, label: `${item.title} — ${item.specialist.name}` }))}
                  maw={480}
                />
              ) : null}
              <CaseChat key={chosen.id} caseId={chosen.id} title={t('chat.clientTitle')} />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
