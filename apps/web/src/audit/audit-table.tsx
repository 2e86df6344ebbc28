import type { AuditEntry } from '@tend/contracts';
import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../ui/scroll-table';
import { useFormatDate } from '../ui/use-format-date';

type Props = {
  entries: AuditEntry[];
  /** Given on the platform view, where entries come from many organizations. */
  orgNames?: Map<string, string>;
};

export function AuditTable({ entries, orgNames }: Props) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  if (entries.length === 0) return <Text>{t('audit.empty')}</Text>;

  return (
    <ScrollTable label={t('audit.tableLabel')} minWidth={orgNames ? 1180 : 1040}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t('audit.when')}</Table.Th>
          {orgNames ? <Table.Th>{t('audit.org')}</Table.Th> : null}
          <Table.Th>{t('audit.actor')}</Table.Th>
          <Table.Th>{t('audit.action')}</Table.Th>
          <Table.Th>{t('audit.resource')}</Table.Th>
          <Table.Th>{t('audit.purpose')}</Table.Th>
          <Table.Th>{t('audit.outcome')}</Table.Th>
          <Table.Th>{t('audit.ip')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.id}>
            <Table.Td>{entry.seq}</Table.Td>
            <Table.Td className="nowrap">{formatDate(entry.at)}</Table.Td>
            {orgNames ? <Table.Td>{entry.org_id ? (orgNames.get(entry.org_id) ?? entry.org_id) : t('audit.platform')}</Table.Td> : null}
            <Table.Td>{entry.actor_name ?? t('audit.system')}</Table.Td>
            <Table.Td>
              <Code>{entry.action}</Code>
            </Table.Td>
            <Table.Td>{entry.resource_id ? `${entry.resource_type} · ${entry.resource_id}` : entry.resource_type}</Table.Td>
            <Table.Td>{entry.purpose}</Table.Td>
            <Table.Td className="nowrap">
              <Badge variant="light" color={entry.outcome === 'success' ? 'teal' : 'red'}>
                {t(`audit.outcomes.${entry.outcome}`)}
              </Badge>
            </Table.Td>
            <Table.Td>{entry.ip ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}
