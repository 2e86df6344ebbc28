import type { CaseDto } from '@tend/contracts';
import { Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrgTime } from '../ui/use-org-time';
import { CaseStatusBadge, RiskBadge } from './case-badges';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Who the case is about and who leads it, where it stands and how risky it is now. */
export function CaseHeader({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const time = useOrgTime();
  return (
    <Stack gap="sm">
      <Title order={1}>{item.title}</Title>
      <Group gap="xs" wrap="wrap">
        <CaseStatusBadge status={item.status} />
        <RiskBadge level={item.risk_level} />
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" component="dl" m={0}>
        <Fact label={t('cases.columns.client')}>{item.client.name}</Fact>
        <Fact label={t('cases.leadSpecialist')}>{item.specialist.name}</Fact>
        <Fact label={t('cases.jurisdiction')}>{item.jurisdiction}</Fact>
        <Fact label={t('cases.opened')}>{item.opened_at ? time.dateTime(item.opened_at) : t('cases.notOpenedYet')}</Fact>
        <Fact label={t('cases.columns.lastSession')}>{item.last_session_at ? time.dateTime(item.last_session_at) : t('cases.noSessionYet')}</Fact>
        {item.auto_pause_at ? <Fact label={t('cases.columns.autoPause')}>{time.date(item.auto_pause_at)}</Fact> : null}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {t('cases.timesIn', { zone: time.zone })}
      </Text>
    </Stack>
  );
}
