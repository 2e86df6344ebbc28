import { Badge, Group, List, Progress, Stack, Text, Title } from '@mantine/core';
import type { GoalStatus, PlanGoal, ProgressUpdate, TreatmentPlan } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../ui/use-org-time';

/** The latest figure recorded for a goal (objective null) or one of its objectives; updates come newest first. */
export function latestProgress(progress: readonly ProgressUpdate[], goalId: string, objectiveId: string | null): ProgressUpdate | undefined {
  return progress.find((update) => update.goal_id === goalId && update.objective_id === objectiveId);
}

function StatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" c="var(--mantine-color-text)">
      {t(`goals.status.${status}`)}
    </Badge>
  );
}

function ProgressLine({ update }: { update: ProgressUpdate | undefined }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  if (!update) return null;
  return (
    <Stack gap={2} mt={4}>
      <Progress value={update.progress} aria-label={t('goals.progress', { value: update.progress })} />
      <Text size="sm">
        {t('plan.progressBy', { value: update.progress, name: update.by.name, time: time.dateTime(update.at) })}
        {update.note ? ` — ${update.note}` : ''}
      </Text>
    </Stack>
  );
}

function GoalView({ goal, progress }: { goal: PlanGoal; progress: readonly ProgressUpdate[] }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  return (
    <Stack gap={4} component="li">
      <Group gap="xs" wrap="wrap">
        <Text fw={700}>{goal.title}</Text>
        <StatusBadge status={goal.status} />
      </Group>
      {goal.target_date ? <Text size="sm">{t('goals.target', { date: time.date(`${goal.target_date}T12:00:00Z`) })}</Text> : null}
      <ProgressLine update={latestProgress(progress, goal.id, null)} />
      {goal.objectives.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt={4}>
            {t('plan.objectives')}
          </Text>
          <List size="sm" spacing={4}>
            {goal.objectives.map((objective) => (
              <List.Item key={objective.id}>
                {t('goals.objective', { text: objective.text, measure: objective.measure })} · {t(`goals.status.${objective.status}`)}
                <ProgressLine update={latestProgress(progress, goal.id, objective.id)} />
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
      {goal.interventions.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt={4}>
            {t('plan.interventions')}
          </Text>
          <List size="sm" spacing={4}>
            {goal.interventions.map((intervention) => (
              <List.Item key={intervention.id}>{intervention.frequency ? `${intervention.text} (${intervention.frequency})` : intervention.text}</List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}

/** A plan to read: each problem, its goals with their latest progress, objectives and interventions. */
export function PlanView({ plan, headingLevel = 3 }: { plan: TreatmentPlan; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  return (
    <Stack gap="md">
      <Text size="sm">
        {t('plan.versionBy', { version: plan.version, name: plan.updated_by.name, time: time.dateTime(plan.updated_at) })}
        {plan.review_date ? ` · ${t('plan.reviewOn', { date: time.date(`${plan.review_date}T12:00:00Z`) })}` : ''}
      </Text>
      {plan.problems.map((problem) => (
        <Stack gap="xs" key={problem.id}>
          <Title order={headingLevel} size="h5">
            {problem.title}
          </Title>
          {problem.description ? (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {problem.description}
            </Text>
          ) : null}
          <Stack gap="sm" component="ul" className="plain-list">
            {problem.goals.map((goal) => (
              <GoalView key={goal.id} goal={goal} progress={plan.progress} />
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}
