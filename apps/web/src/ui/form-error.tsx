import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { errorMessage } from '../i18n/error-message';

/** The server's answer to a failed form submission, announced to screen readers. */
export function FormError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const validation = error instanceof ApiError && error.code === 'REQUEST.VALIDATION';
  return (
    <Alert color="red" role="alert" title={validation ? t('errors.checkFields') : undefined}>
      {validation ? error.message : errorMessage(t, error)}
    </Alert>
  );
}
