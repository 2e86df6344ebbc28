import type { ResponseMeta } from '@tend/contracts';
import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { meta: ResponseMeta; onChange: (page: number) => void };

/** Page links under a list; hidden when everything fits on one page. */
export function Pager({ meta, onChange }: Props) {
  const { t } = useTranslation();
  if (meta.total === undefined) return null;
  const total = meta.total;
  const perPage = meta.per_page ?? total;
  const pages = perPage > 0 ? Math.ceil(total / perPage) : 1;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {t('common.totalRows', { count: total })}
      </Text>
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={meta.page ?? 1}
          onChange={onChange}
          getControlProps={(control) => ({ 'aria-label': t(`common.pager.${control}`) })}
          getItemProps={(page) => ({ 'aria-label': t('common.pager.page', { page }) })}
        />
      ) : null}
    </Group>
  );
}
