import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { FormError } from '../ui/form-error';
import { consentApi } from './consent.api';

type Props = { grantId: string; label: string; ariaLabel: string };

/** Withdraws a consent after asking, with an optional reason; it takes effect at once. */
export function WithdrawConsentButton({ grantId, label, ariaLabel }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => consentApi.revoke(grantId, reason.trim() || undefined),
    onSuccess: () => {
      close();
      void queryClient.invalidateQueries({ queryKey: queryKeys.consent });
    },
  });
  return (
    <>
      <Button variant="light" color="red" size="xs" aria-label={ariaLabel} onClick={open}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={t('consent.withdrawTitle')} closeButtonProps={{ 'aria-label': t('common.close') }}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            withdraw.mutate();
          }}
        >
          <Stack gap="sm">
            <Text>{t('consent.withdrawIntro')}</Text>
            <Textarea
              label={t('consent.withdrawReason')}
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
            />
            <FormError error={withdraw.error} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red" loading={withdraw.isPending}>
                {t('consent.withdrawConfirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
