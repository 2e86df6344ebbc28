import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { formsApi } from './forms.api';
import { FormStatusBadge } from './status-badge';

/** Forms the client's specialists sent: those to fill first, then the ones already submitted. */
export function MyFormsPage() {
  const { t } = useTranslation();
  usePageTitle(t('forms.myForms'));
  const time = useOrgTime();
  const forms = useQuery({ queryKey: queryKeys.myForms, queryFn: () => formsApi.mine(true) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('forms.myForms')}</Title>
      <QueryState query={forms}>
        {(items) =>
          items.length === 0 ? (
            <Text>{t('forms.noneForMe')}</Text>
          ) : (
            <Stack gap="sm" component="ul" className="plain-list">
              {[...items]
                .sort((a, b) => Number(a.status === 'submitted') - Number(b.status === 'submitted'))
                .map((item) => (
                  <Paper component="li" withBorder p="md" key={item.id}>
                    <Stack gap={6}>
                      <Anchor component={Link} to={`/forms/${item.id}`} fw={700}>
                        {item.title}
                      </Anchor>
                      <Group gap="xs" wrap="wrap">
                        <FormStatusBadge status={item.status} />
                        <Text size="sm">
                          {item.submitted_at
                            ? t('forms.submittedOn', { time: time.dateTime(item.submitted_at) })
                            : t('forms.sentOn', { time: time.dateTime(item.sent_at) })}
                        </Text>
                      </Group>
                    </Stack>
                  </Paper>
                ))}
            </Stack>
          )
        }
      </QueryState>
    </Stack>
  );
}
