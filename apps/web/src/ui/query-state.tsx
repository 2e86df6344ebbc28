import { Alert, Center, Loader, VisuallyHidden } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/error-message';

type Props<T> = { query: UseQueryResult<T>; children: (data: T) => React.ReactNode };

/** Renders a query's data, or its loading spinner, or its error. */
export function QueryState<T>({ query, children }: Props<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <Center py="xl" role="status">
        <Loader />
        <VisuallyHidden>{t('common.loading')}</VisuallyHidden>
      </Center>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" role="alert">
        {errorMessage(t, query.error)}
      </Alert>
    );
  }
  return <>{children(query.data)}</>;
}
