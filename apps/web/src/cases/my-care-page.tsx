import { Anchor, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { CaseFilesSection } from '../files/case-files-section';
import { QueryState } from '../ui/query-state';
import { useOrgTime } from '../ui/use-org-time';
import { usePageTitle } from '../ui/use-page-title';
import { CaseStatusBadge } from './case-badges';
import { casesApi } from './cases.api';

const filters = { sort: 'updated', page: 1 } as const;

/** Who else reads this case: its co-specialists and supervisors, by name and role; nothing while there are none. */
function CareTeamLine({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const team = useQuery({ queryKey: queryKeys.caseTeam(caseId), queryFn: () => casesApi.team(caseId) });
  const members = team.data ?? [];
  if (members.length === 0) return null;
  return <Text>{t('myCare.team', { names: members.map((m) => `${m.user.name} (${t(`roles.${m.role}`)})`).join(', ') })}</Text>;
}

/** A client's own courses of care: who leads each, where it stands, and the documents shared on it. Notes and risk stay with the care team. */
export function MyCarePage() {
  const { t } = useTranslation();
  usePageTitle(t('myCare.title'));
  const time = useOrgTime();
  const cases = useQuery({ queryKey: queryKeys.caseList(filters), queryFn: () => casesApi.list(filters) });

  return (
    <Stack gap="lg">
      <Title order={1}>{t('myCare.title')}</Title>
      <Text>{t('myCare.intro')}</Text>
      <QueryState query={cases}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('myCare.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" component="ul" className="plain-list">
              {items.map((item) => (
                <Paper component="li" withBorder p="md" key={item.id}>
                  <Stack gap={6}>
                    <Title order={2} size="h4">
                      {item.title}
                    </Title>
                    <CaseStatusBadge status={item.status} />
                    <Text>{t('myCare.specialist', { name: item.specialist.name })}</Text>
                    <CareTeamLine caseId={item.id} />
                    {(item.status === 'active' || item.status === 'draft' || item.status === 'paused') && (
                      <Anchor component={Link} to={`/book/${item.specialist.id}`}>
                        {t('scheduling.bookWith', { name: item.specialist.name })}
                      </Anchor>
                    )}
                    <Text size="sm">
                      {item.last_session_at ? t('myCare.lastSession', { time: time.dateTime(item.last_session_at) }) : t('myCare.noSessionYet')}
                    </Text>
                    <CaseFilesSection
                      caseId={item.id}
                      title={t('files.myDocuments')}
                      headingLevel={3}
                      canUpload={item.status !== 'archived'}
                      canShare={false}
                      forClient
                    />
                  </Stack>
                </Paper>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Stack>
  );
}
