import { Badge } from '@mantine/core';
import type { FormAssignment } from '@tend/contracts';
import { useTranslation } from 'react-i18next';

const colors: Record<FormAssignment['status'], string> = { sent: 'blue', in_progress: 'orange', submitted: 'teal', cancelled: 'gray' };

export function FormStatusBadge({ status }: { status: FormAssignment['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[status]} variant="light" c="var(--mantine-color-text)">
      {t(`forms.status.${status}`)}
    </Badge>
  );
}
