import type { CaseAccessGrant, CaseDto, OrgRole } from '@tend/contracts';
import { Group, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { errorMessage } from '../i18n/error-message';
import { ConfirmButton } from '../ui/confirm-button';
import { FormModal } from '../ui/form-modal';
import { notify } from '../ui/notify';
import { QueryState } from '../ui/query-state';
import { can, isOpen } from './case-access';
import { casesApi } from './cases.api';
import { useCaseMutation } from './use-case-mutation';
import { usePracticePeople } from './use-practice-people';

type GrantRole = CaseAccessGrant['role'];
const eligibleRoles: Record<GrantRole, readonly OrgRole[]> = { co_specialist: ['specialist', 'co_specialist'], supervisor: ['supervisor', 'specialist'] };

function GrantAction({ item, team }: { item: CaseDto; team: CaseAccessGrant[] }) {
  const { t } = useTranslation();
  const people = usePracticePeople();
  const [role, setRole] = useState<GrantRole>('co_specialist');
  const grant = useCaseMutation(({ userId }: { userId: string }) => casesApi.grant(item.id, userId, role), t('cases.team.granted'));
  const onTeam = new Set([item.specialist.id, ...team.map((member) => member.user.id)]);
  const candidates = people.clinicians.filter((person) => !onTeam.has(person.user_id) && eligibleRoles[role].includes(person.role));
  return (
    <FormModal
      buttonLabel={t('cases.team.add')}
      title={t('cases.team.add')}
      submitLabel={t('cases.team.grant')}
      pending={grant.isPending}
      error={grant.error}
      onOpen={grant.reset}
      onSubmit={(form) => grant.mutateAsync({ userId: String(form.get('user_id') ?? '') })}
    >
      <NativeSelect
        label={t('cases.team.role')}
        value={role}
        onChange={(event) => setRole(event.currentTarget.value as GrantRole)}
        data={(['co_specialist', 'supervisor'] as const).map((value) => ({ value, label: t(`roles.${value}`) }))}
      />
      {candidates.length > 0 ? (
        <NativeSelect name="user_id" label={t('cases.team.person')} data={candidates.map((person) => ({ value: person.user_id, label: person.name }))} />
      ) : (
        <Text>{t('cases.team.nobodyEligible')}</Text>
      )}
    </FormModal>
  );
}

/** Co-specialists and supervisors of the case; the lead specialist and practice administrators manage them. */
export function CareTeamSection({ item }: { item: CaseDto }) {
  const { t } = useTranslation();
  const team = useQuery({ queryKey: queryKeys.caseTeam(item.id), queryFn: () => casesApi.team(item.id) });
  const revoke = useCaseMutation((userId: string) => casesApi.revoke(item.id, userId), t('cases.team.revoked'));
  const manage = can(item.my_access, 'manageAccess') && isOpen(item.status);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="care-team-heading">
      <Stack gap="sm">
        <Title order={2} size="h4" id="care-team-heading">
          {t('cases.team.title')}
        </Title>
        <QueryState query={team}>
          {(grants) => (
            <Stack gap="sm">
              {grants.length === 0 ? <Text>{t('cases.team.empty')}</Text> : null}
              <List listStyleType="none" spacing="xs">
                {grants.map((grant) => (
                  <List.Item key={grant.user.id}>
                    <Group gap="sm" wrap="wrap">
                      <Text>
                        {grant.user.name} · {t(`roles.${grant.role}`)}
                      </Text>
                      {manage ? (
                        <ConfirmButton
                          title={t('cases.team.revokeTitle')}
                          question={t('cases.team.revokeQuestion', { name: grant.user.name })}
                          confirmLabel={t('cases.team.revoke')}
                          ariaLabel={t('cases.team.revokeFor', { name: grant.user.name })}
                          loading={revoke.isPending}
                          onConfirm={() => revoke.mutate(grant.user.id, { onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }) })}
                        >
                          {t('cases.team.revoke')}
                        </ConfirmButton>
                      ) : null}
                    </Group>
                  </List.Item>
                ))}
              </List>
              {manage ? <GrantAction item={item} team={grants} /> : null}
            </Stack>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
