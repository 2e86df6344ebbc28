import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSignedInUser } from '../auth/signed-in-user';
import { notify } from '../ui/notify';

/** The specialist's shareable booking page, shown in full (to select by hand) and copied with one button. */
export function BookingLink() {
  const { t } = useTranslation();
  const me = useSignedInUser();
  const url = `${window.location.origin}/book/${me.id}`;
  const copy = () =>
    navigator.clipboard.writeText(url).then(
      () => notify({ color: 'teal', message: t('scheduling.linkCopied') }),
      () => undefined,
    );
  return (
    <Group gap="xs" align="flex-end" wrap="wrap">
      <TextInput label={t('scheduling.bookingLink')} value={url} readOnly onFocus={(event) => event.currentTarget.select()} style={{ flex: '1 1 16rem' }} />
      <Button variant="light" onClick={copy}>
        {t('scheduling.copyLink')}
      </Button>
    </Group>
  );
}
