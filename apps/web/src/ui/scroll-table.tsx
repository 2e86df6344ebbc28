import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { label: string; minWidth?: number; children: React.ReactNode };

/** A table that scrolls sideways on narrow screens; the scroll area is focusable so keyboards can scroll it. */
export function ScrollTable({ label, minWidth = 640, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="scroll-table" role="region" aria-label={t('common.tableOf', { name: label })} tabIndex={0}>
      <Table striped highlightOnHover miw={minWidth} verticalSpacing="sm">
        {children}
      </Table>
    </div>
  );
}
