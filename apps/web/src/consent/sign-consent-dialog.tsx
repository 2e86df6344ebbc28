import { Box, Button, Checkbox, Group, Modal, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { DATA_SHARING_DEFAULT_DAYS, DATA_SHARING_MAX_DAYS, type SharedDataCategory, sharedDataCategory } from '@tend/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareTeamMember } from '../cases/use-care-teams';
import { FormError } from '../ui/form-error';
import { queryKeys } from '../api/query-keys';
import { type ConsentTemplate, consentApi } from './consent.api';

type Props = { template: ConsentTemplate; recipients?: CareTeamMember[]; opened: boolean; onClose: () => void };

/**
 * A consent text to read in the reader's language and sign with a typed name. For data sharing the
 * client also names the specialist, what they may see and for how long.
 */
export function SignConsentDialog({ template, recipients = [], opened, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const language = i18n.language === 'uk' ? 'uk' : 'en';
  const sharing = template.kind === 'data_sharing';
  const [name, setName] = useState('');
  const [recipient, setRecipient] = useState(recipients.length === 1 ? (recipients[0]?.id ?? '') : '');
  const [scope, setScope] = useState<SharedDataCategory[]>([]);
  const [days, setDays] = useState<number | string>(DATA_SHARING_DEFAULT_DAYS);
  const sign = useMutation({
    mutationFn: () =>
      consentApi.grant({
        template_id: template.id,
        signature_name: name.trim(),
        language,
        ...(sharing ? { recipient_user_id: recipient || undefined, scope, expires_in_days: typeof days === 'number' ? days : undefined } : {}),
      }),
    onSuccess: () => {
      setName('');
      setScope([]);
      void queryClient.invalidateQueries({ queryKey: queryKeys.consent });
      onClose();
    },
    // A newer text may have been published meanwhile: the page shows it next time.
    onError: () => void queryClient.invalidateQueries({ queryKey: queryKeys.consentTemplatesAll }),
  });
  const titleId = `consent-text-${template.id}`;
  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={template.title[language]} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          sign.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" c="dimmed" id={titleId}>
            {t('consent.sign.textLabel')} · {t('consent.version', { version: template.version })}
            {template.practice_text ? ` · ${t('consent.practiceText')}` : ''}
          </Text>
          {/* The text scrolls on its own and takes keyboard focus, so it can be read without a mouse. */}
          <Box tabIndex={0} role="region" aria-labelledby={titleId} className="consent-text">
            <Text style={{ whiteSpace: 'pre-wrap' }}>{template.body[language]}</Text>
          </Box>
          {sharing ? (
            <>
              <NativeSelect
                label={t('consent.sharing.recipient')}
                data={[
                  ...(recipients.length === 1 ? [] : [{ value: '', label: t('consent.sharing.choose'), disabled: true }]),
                  ...recipients.map((r) => ({ value: r.id, label: r.role !== 'primary' ? `${r.name} · ${t(`roles.${r.role}`)}` : r.name })),
                ]}
                value={recipient}
                onChange={(event) => setRecipient(event.currentTarget.value)}
                required
              />
              <Checkbox.Group label={t('consent.sharing.what')} value={scope} onChange={(value) => setScope(value as SharedDataCategory[])} withAsterisk>
                <Group gap="sm" mt={4}>
                  {sharedDataCategory.options.map((category) => (
                    <Checkbox key={category} value={category} label={t(`consent.categories.${category}`)} />
                  ))}
                </Group>
              </Checkbox.Group>
              <NumberInput
                label={t('consent.sharing.days')}
                description={t('consent.sharing.daysHint', { default: DATA_SHARING_DEFAULT_DAYS, max: DATA_SHARING_MAX_DAYS })}
                value={days}
                onChange={setDays}
                min={1}
                max={DATA_SHARING_MAX_DAYS}
                allowDecimal={false}
                w={200}
              />
            </>
          ) : null}
          <TextInput
            label={t('consent.sign.name')}
            description={t('consent.sign.nameHint')}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            autoComplete="name"
            required
            minLength={2}
            maxLength={200}
          />
          <FormError error={sign.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={sign.isPending}>
              {t('consent.sign.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
