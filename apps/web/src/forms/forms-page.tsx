import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { FormBuilder } from './form-builder';
import { formsApi } from './forms.api';

/** The practice's intake forms, and the builder for a new one. */
export function FormsPage() {
  const { t } = useTranslation();
  usePageTitle(t('forms.title'));
  const time = useOrgTime();
  const [building, setBuilding] = useState(false);
  const forms = useQuery({ queryKey: queryKeys.forms, queryFn: formsApi.list });
  return (
    <Stack gap="lg">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{building ? t('forms.builder.heading') : t('forms.title')}</Title>
        {building ? null : <Button onClick={() => setBuilding(true)}>{t('forms.builder.new')}</Button>}
      </Group>
      {building ? (
        <FormBuilder onDone={() => setBuilding(false)} />
      ) : (
        <QueryState query={forms}>
          {(items) =>
            items.length === 0 ? (
              <Text>{t('forms.noForms')}</Text>
            ) : (
              <Stack gap="sm" component="ul" className="plain-list">
                {items.map((form) => (
                  <Paper component="li" withBorder p="md" key={form.id}>
                    <Text fw={700}>{form.title}</Text>
                    {form.description ? <Text size="sm">{form.description}</Text> : null}
                    <Group gap="xs" mt={6}>
                      <Badge variant="light" c="var(--mantine-color-text)">
                        {t('forms.fieldCount', { count: form.fields.length })}
                      </Badge>
                      <Text size="sm">{time.date(form.created_at)}</Text>
                    </Group>
                  </Paper>
                ))}
              </Stack>
            )
          }
        </QueryState>
      )}
    </Stack>
  );
}
