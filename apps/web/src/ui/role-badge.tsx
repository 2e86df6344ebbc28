import type { OrgRole } from '@tend/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function RoleBadge({ role }: { role: OrgRole }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color="gray">
      {t(`roles.${role}`)}
    </Badge>
  );
}
