import { Button, Fieldset, Group, Stack, TextInput } from '@mantine/core';
import type { SafetyPlanContent } from '@tend/contracts';
import { useTranslation } from 'react-i18next';

type Contact = SafetyPlanContent['help_contacts'][number];
type Props = { legend: string; contacts: Contact[]; onChange: (contacts: Contact[]) => void; errors: Record<string, string>; path: string };

/** People to call: name, phone and how they are related, added and removed one at a time. */
export function ContactsEditor({ legend, contacts, onChange, errors, path }: Props) {
  const { t } = useTranslation();
  const update = (index: number, patch: Partial<Contact>) => onChange(contacts.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <Fieldset legend={legend}>
      <Stack gap="sm">
        {contacts.map((contact, index) => (
          <Group key={index} align="flex-end" gap="xs" wrap="wrap">
            <TextInput
              label={t('safetyPlan.contactName')}
              value={contact.name}
              onChange={(e) => update(index, { name: e.currentTarget.value })}
              error={errors[`${path}.${index}.name`]}
              style={{ flex: '1 1 10rem' }}
            />
            <TextInput
              label={t('safetyPlan.contactPhone')}
              type="tel"
              value={contact.phone}
              onChange={(e) => update(index, { phone: e.currentTarget.value })}
              error={errors[`${path}.${index}.phone`]}
              style={{ flex: '1 1 10rem' }}
            />
            <TextInput
              label={t('safetyPlan.contactRelation')}
              value={contact.relation ?? ''}
              onChange={(e) => update(index, { relation: e.currentTarget.value })}
              style={{ flex: '1 1 8rem' }}
            />
            <Button variant="subtle" color="red" onClick={() => onChange(contacts.filter((_, i) => i !== index))}>
              {t('safetyPlan.removeContact', { name: contact.name || t('safetyPlan.contactNumber', { number: index + 1 }) })}
            </Button>
          </Group>
        ))}
        <Button variant="light" onClick={() => onChange([...contacts, { name: '', phone: '', relation: '' }])} style={{ alignSelf: 'flex-start' }}>
          {t('safetyPlan.addContact')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
