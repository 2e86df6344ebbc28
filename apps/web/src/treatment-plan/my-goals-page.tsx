import { Badge, Group, List, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import type { CaseSummary } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { casesApi } from '../cases/cases.api';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';

type GoalStatus = 'not_started' | 'in_progress' | 'achieved' | 'discontinued';
type ClientGoal = {
  id: string;
  title: string;
  target_date: string | null;
  status: GoalStatus;
  progress: number | null;
  objectives: { id: string; text: string; measure: string; status: GoalStatus; progress: number | null }[];
};
type ClientPlan = { case_id: string; version: number; goals: ClientGoal[]; updated_at: string };

const filters = { sort: 'updated', page: 1 } as const;

async function planFor(caseId: string): Promise<ClientPlan | null> {
  try {
    return await api.get<ClientPlan>(`/api/v1/cases/${caseId}/treatment-plan`);
  } catch (error) {
    if (error instanceof ApiError && error.code === 'PLAN.NOT_FOUND') return null;
    throw error;
  }
}

/** The client's goals from each course of care: what they are working towards and how far along. */
export function MyGoalsPage() {
  const { t } = useTranslation();
  usePageTitle(t('goals.title'));
  const cases = useQuery({ queryKey: queryKeys.caseList(filters), queryFn: () => casesApi.list(filters) });
  return (
    <Stack gap="lg">
      <Title order={1}>{t('goals.title')}</Title>
      <Text>{t('goals.intro')}</Text>
      <QueryState query={cases}>
        {({ items }) => (items.length === 0 ? <Text>{t('goals.none')}</Text> : items.map((item) => <CaseGoals key={item.id} item={item} />))}
      </QueryState>
    </Stack>
  );
}

function CaseGoals({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  const plan = useQuery({ queryKey: queryKeys.treatmentPlan(item.id), queryFn: () => planFor(item.id) });
  return (
    <Paper withBorder p="md" component="section" aria-label={item.title}>
      <Title order={2} size="h3" mb="sm">
        {item.title}
      </Title>
      <QueryState query={plan}>
        {(data) =>
          !data || data.goals.length === 0 ? (
            <Text>{t('goals.noPlan')}</Text>
          ) : (
            <Stack gap="md" component="ul" className="plain-list">
              {data.goals.map((goal) => (
                <li key={goal.id}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={700}>{goal.title}</Text>
                    <Badge variant="light" c="var(--mantine-color-text)">
                      {t(`goals.status.${goal.status}`)}
                    </Badge>
                  </Group>
                  {goal.target_date ? <Text size="sm">{t('goals.target', { date: time.date(`${goal.target_date}T12:00:00Z`) })}</Text> : null}
                  {goal.progress !== null ? <Progress value={goal.progress} mt={6} aria-label={t('goals.progress', { value: goal.progress })} /> : null}
                  {goal.objectives.length > 0 ? (
                    <List mt="xs" size="sm">
                      {goal.objectives.map((objective) => (
                        <List.Item key={objective.id}>
                          {t('goals.objective', { text: objective.text, measure: objective.measure })}
                          {objective.progress !== null ? ` — ${t('goals.progress', { value: objective.progress })}` : ''}
                        </List.Item>
                      ))}
                    </List>
                  ) : null}
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}
