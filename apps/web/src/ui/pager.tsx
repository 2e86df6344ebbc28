import type { ResponseMeta } from '@tend/contracts';
import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { meta: ResponseMeta; onChange: (page: number) => void };

/**
 * Page links under a list; hidden when everything fits on one page. A long list counts only up to a cap
 * (`total_capped`): it then says "more than" and always offers the page after the ones it knows of.
 */
export function Pager({ meta, onChange }: Props) {
  const { t } = useTranslation();
  if (meta.total === undefined) return null;
  const total = meta.total;
  const perPage = meta.per_page ?? total;
  const known = perPage > 0 ? Math.ceil(total / perPage) : 1;
  const pages = meta.total_capped ? Math.max(known, meta.page ?? 1) + 1 : known;
  return (
    <Group justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed">
        {meta.total_capped ? t('common.totalRowsAtLeast', { count: total }) : t('common.totalRows', { count: total })}
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
