import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Always in the client's header: one tap opens crisis lines and alerts the care team. */
export function SosButton() {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/crisis" state={{ sos: true }} color="red" size="sm" px="sm" miw={56} h={44} aria-label={t('crisis.sosLabel')}>
      {t('crisis.sos')}
    </Button>
  );
}
