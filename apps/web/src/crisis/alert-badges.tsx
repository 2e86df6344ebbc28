import { Badge } from '@mantine/core';
import type { CrisisAlert } from '@tend/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<CrisisAlert['status'], string> = { open: 'red', escalated: 'red', acknowledged: 'orange', resolved: 'teal' };

export function AlertStatusBadge({ status }: { status: CrisisAlert['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant={status === 'open' || status === 'escalated' ? 'filled' : 'light'}>
      {t(`alerts.status.${status}`)}
    </Badge>
  );
}
