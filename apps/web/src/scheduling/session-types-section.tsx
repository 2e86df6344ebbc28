import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrors } from '../api/client';
import { FormError } from '../ui/form-error';
import { notify } from '../ui/notify';
import { QueryState } from '../ui/query-state';
import { schedulingKeys } from './scheduling-keys';
import { type Modality, type NewSessionType, schedulingApi } from './scheduling.api';
import { sessionTypeDetails } from './session-type-label';

const MODALITIES: Modality[] = ['video', 'audio', 'in_person', 'messaging'];
const blank = { name: '', duration_minutes: 50, price: 0, currency: 'UAH', modality: 'video' as Modality };

/** The kinds of session clients can book: length, price and how it takes place. */
export function SessionTypesSection({ specialistId }: { specialistId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const types = useQuery({ queryKey: schedulingKeys.sessionTypes(specialistId), queryFn: () => schedulingApi.sessionTypes(specialistId) });
  const [draft, setDraft] = useState(blank);
  const add = useMutation({
    mutationFn: (body: NewSessionType) => schedulingApi.createSessionType(body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      setDraft(blank);
      notify({ color: 'teal', message: t('scheduling.typeAdded') });
    },
  });
  const errors = fieldErrors(add.error);
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { price, ...rest } = draft;
    add.mutate({ ...rest, name: rest.name.trim(), currency: rest.currency.trim().toUpperCase(), price_minor: Math.round(price * 100) });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="session-types">
      <Title order={2} size="h3" id="session-types" mb="sm">
        {t('scheduling.sessionTypes')}
      </Title>
      <QueryState query={types}>
        {(list) =>
          list.length === 0 ? (
            <Text mb="md">{t('scheduling.noTypesYet')}</Text>
          ) : (
            <Stack gap={4} component="ul" className="plain-list" mb="md">
              {list.map((type) => (
                <li key={type.id}>
                  <Text fw={600} span>
                    {type.name}
                  </Text>
                  <Text span>{` — ${sessionTypeDetails(t, i18n.language, type)}`}</Text>
                </li>
              ))}
            </Stack>
          )
        }
      </QueryState>
      <form noValidate onSubmit={submit} aria-labelledby="add-session-type">
        <Stack gap="sm">
          <Title order={3} size="h4" id="add-session-type">
            {t('scheduling.addType')}
          </Title>
          <FormError error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            <TextInput
              label={t('scheduling.typeName')}
              value={draft.name}
              onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
              error={errors.name}
            />
            <NumberInput
              label={t('scheduling.duration')}
              value={draft.duration_minutes}
              onChange={(v) => setDraft({ ...draft, duration_minutes: Number(v) || 0 })}
              error={errors.duration_minutes}
              allowDecimal={false}
            />
            <NumberInput
              label={t('scheduling.price')}
              value={draft.price}
              onChange={(v) => setDraft({ ...draft, price: Number(v) || 0 })}
              error={errors.price_minor}
              decimalScale={2}
            />
            <TextInput
              label={t('scheduling.currency')}
              value={draft.currency}
              onChange={(e) => setDraft({ ...draft, currency: e.currentTarget.value })}
              error={errors.currency}
              maxLength={3}
            />
            <NativeSelect
              label={t('scheduling.modalityLabel')}
              value={draft.modality}
              onChange={(e) => setDraft({ ...draft, modality: e.currentTarget.value as Modality })}
              data={MODALITIES.map((m) => ({ value: m, label: t(`scheduling.modality.${m}`) }))}
              error={errors.modality}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" variant="light" loading={add.isPending}>
              {t('scheduling.addType')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
