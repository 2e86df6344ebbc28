import { Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { Page } from '../api/client';
import { Pager } from './pager';
import { QueryState } from './query-state';
import { ScrollTable } from './scroll-table';

type Props<T> = {
  query: UseQueryResult<Page<T>>;
  /** Names the table for screen readers. */
  label: string;
  /** Shown instead of the table when the page has no rows. */
  empty: string;
  columns: string[];
  onPageChange: (page: number) => void;
  /** One `Table.Tr` per item. */
  children: (item: T) => React.ReactNode;
};

/** One page of a paged query as a table with the pager under it; its loading, error and empty states too. */
export function PagedTable<T>({ query, label, empty, columns, onPageChange, children }: Props<T>) {
  return (
    <QueryState query={query}>
      {({ items, meta }) =>
        items.length === 0 ? (
          <Text>{empty}</Text>
        ) : (
          <Stack gap="sm">
            <ScrollTable label={label}>
              <Table.Thead>
                <Table.Tr>
                  {columns.map((column) => (
                    <Table.Th key={column}>{column}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>{items.map((item) => children(item))}</Table.Tbody>
            </ScrollTable>
            <Pager meta={meta} onChange={onPageChange} />
          </Stack>
        )
      }
    </QueryState>
  );
}
