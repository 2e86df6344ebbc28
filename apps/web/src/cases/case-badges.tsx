import type { CaseStatus, NoteDto, RiskLevel } from '@tend/contracts';
import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const riskColour: Record<RiskLevel, string> = { low: 'teal', moderate: 'yellow', high: 'orange', crisis: 'red' };
const riskMark: Record<RiskLevel, string> = { low: '●', moderate: '▲', high: '◆', crisis: '■' };
const statusColour: Record<CaseStatus, string> = { draft: 'gray', active: 'blue', paused: 'yellow', closed: 'gray', archived: 'gray', transferred: 'grape' };
const noteColour: Record<NoteDto['status'], string> = { draft: 'gray', signed: 'teal', pending_cosign: 'yellow', cosigned: 'teal' };

/** Risk in words and with a distinct shape, so colour is never the only signal. */
export function RiskBadge({ level }: { level: RiskLevel }) {
  const { t } = useTranslation();
  return (
    <Badge color={riskColour[level]} variant={level === 'crisis' ? 'filled' : 'light'} leftSection={<span aria-hidden="true">{riskMark[level]}</span>}>
      {t('cases.riskLabel', { level: t(`cases.risk.${level}`) })}
    </Badge>
  );
}

export function CaseStatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColour[status]} variant="outline">
      {t(`cases.status.${status}`)}
    </Badge>
  );
}

export function NoteStatusBadge({ status }: { status: NoteDto['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={noteColour[status]} variant="light">
      {t(`notes.status.${status}`)}
    </Badge>
  );
}
