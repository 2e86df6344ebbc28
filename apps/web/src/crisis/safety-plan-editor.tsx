import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import type { SafetyPlanContent } from '@tend/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { FormError } from '../ui/form-error';
import { ContactsEditor } from './contacts-editor';
import { linesToItems, planSteps } from './safety-plan-steps';

type Props = { initial: SafetyPlanContent; saving: boolean; error: unknown; onSave: (plan: SafetyPlanContent) => void; onCancel: () => void };

/** Edits the six steps (one item per line) and the contacts; saving makes a new version. */
export function SafetyPlanEditor({ initial, saving, error, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [lists, setLists] = useState(() => ({
    warning_signs: initial.warning_signs.join('\n'),
    internal_coping: initial.internal_coping.join('\n'),
    social_distractions: initial.social_distractions.join('\n'),
    environment_safety: initial.environment_safety.join('\n'),
  }));
  const [help, setHelp] = useState(initial.help_contacts);
  const [professional, setProfessional] = useState(initial.professional_contacts);
  const [worth, setWorth] = useState(initial.worth_living_for);
  const errors = Object.fromEntries(Object.entries(fieldErrors(error)).map(([k, v]) => [k.replace(/^plan\./, ''), v]));
  const clean = (contacts: typeof help) =>
    contacts.filter((c) => c.name.trim() || c.phone.trim()).map((c) => ({ ...c, relation: c.relation?.trim() || undefined }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    onSave({
      warning_signs: linesToItems(lists.warning_signs),
      internal_coping: linesToItems(lists.internal_coping),
      social_distractions: linesToItems(lists.social_distractions),
      help_contacts: clean(help),
      professional_contacts: clean(professional),
      environment_safety: linesToItems(lists.environment_safety),
      worth_living_for: worth.trim(),
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Alert color="blue" variant="light">
          {t('safetyPlan.editHint')}
        </Alert>
        {planSteps.map((step, index) => {
          const label = t('safetyPlan.stepTitle', { number: index + 1, title: t(`safetyPlan.steps.${step.key}`) });
          if (step.kind === 'contacts') {
            const [value, set] = step.key === 'help_contacts' ? [help, setHelp] : [professional, setProfessional];
            return <ContactsEditor key={step.key} legend={label} contacts={value} onChange={set} errors={errors} path={step.key} />;
          }
          return (
            <Textarea
              key={step.key}
              label={label}
              description={t(`safetyPlan.hints.${step.key}`)}
              autosize
              minRows={3}
              value={lists[step.key]}
              onChange={(e) => setLists((current) => ({ ...current, [step.key]: e.currentTarget.value }))}
            />
          );
        })}
        <Textarea label={t('safetyPlan.worthLivingFor')} autosize minRows={2} value={worth} onChange={(e) => setWorth(e.currentTarget.value)} />
        <FormError error={error} />
        <Group>
          <Button type="submit" loading={saving}>
            {t('safetyPlan.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
