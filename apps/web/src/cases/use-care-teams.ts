import type { CaseAccessGrant, CaseSummary } from '@tend/contracts';
import { useQueries } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { casesApi } from './cases.api';

/** Someone on a client's care team: the lead of one of their cases, or a co-specialist or supervisor granted it. */
export type CareTeamMember = { id: string; name: string; role: 'primary' | CaseAccessGrant['role'] };

/**
 * Everyone on the care teams of these cases, each person once (a lead stays a lead if also granted elsewhere),
 * leads first. The grants come from each case's team, which a client may read for their own cases.
 */
export function useCareTeams(cases: Pick<CaseSummary, 'id' | 'specialist'>[]): CareTeamMember[] {
  const teams = useQueries({ queries: cases.map((item) => ({ queryKey: queryKeys.caseTeam(item.id), queryFn: () => casesApi.team(item.id) })) });
  const members = new Map<string, CareTeamMember>();
  for (const item of cases) members.set(item.specialist.id, { ...item.specialist, role: 'primary' });
  for (const team of teams) {
    for (const grant of team.data ?? []) if (!members.has(grant.user.id)) members.set(grant.user.id, { ...grant.user, role: grant.role });
  }
  return [...members.values()];
}
