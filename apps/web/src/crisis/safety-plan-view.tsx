import { Anchor, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { SafetyPlanContent } from '@tend/contracts';
import { useTranslation } from 'react-i18next';
import { planSteps } from './safety-plan-steps';

/** The plan read-only, step by step; phone numbers dial on a tap. Printed as it is shown. */
export function SafetyPlanView({ plan, headingLevel = 2 }: { plan: SafetyPlanContent; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" className="safety-plan">
      {planSteps.map((step, index) => (
        <Paper withBorder p="md" key={step.key} className="safety-plan-step">
          <Title order={headingLevel} size="h4">
            {t('safetyPlan.stepTitle', { number: index + 1, title: t(`safetyPlan.steps.${step.key}`) })}
          </Title>
          {step.kind === 'list' ? (
            plan[step.key].length === 0 ? (
              <Text c="dimmed">{t('safetyPlan.nothingYet')}</Text>
            ) : (
              <List mt="xs">
                {plan[step.key].map((item, i) => (
                  <List.Item key={i}>{item}</List.Item>
                ))}
              </List>
            )
          ) : plan[step.key].length === 0 ? (
            <Text c="dimmed">{t('safetyPlan.nothingYet')}</Text>
          ) : (
            <List mt="xs">
              {plan[step.key].map((contact, i) => (
                <List.Item key={i}>
                  {contact.name}
                  {contact.relation ? ` (${contact.relation})` : ''}: <Anchor href={`tel:${contact.phone.replace(/[^0-9+]/g, '')}`}>{contact.phone}</Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Paper>
      ))}
      <Paper withBorder p="md" className="safety-plan-step">
        <Title order={headingLevel} size="h4">
          {t('safetyPlan.worthLivingFor')}
        </Title>
        <Text mt="xs" style={{ whiteSpace: 'pre-wrap' }} c={plan.worth_living_for ? undefined : 'dimmed'}>
          {plan.worth_living_for || t('safetyPlan.nothingYet')}
        </Text>
      </Paper>
    </Stack>
  );
}
