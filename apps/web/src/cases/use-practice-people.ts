import type { Member, OrgRole } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { orgApi } from '../org/org.api';
import { useActiveOrgId } from '../org/use-active-org-id';

const clinicalRoles: readonly OrgRole[] = ['specialist', 'co_specialist', 'supervisor'];

/** The practice's clients and clinicians, for pickers; names of people the case history mentions by id. */
export function usePracticePeople() {
  const orgId = useActiveOrgId();
  const members = useQuery({ queryKey: queryKeys.members(orgId), queryFn: () => orgApi.members(orgId) });
  const all: Member[] = members.data ?? [];
  return {
    query: members,
    clients: all.filter((member) => member.role === 'client'),
    clinicians: all.filter((member) => clinicalRoles.includes(member.role)),
    nameOf: (userId: string | null | undefined): string | null => all.find((member) => member.user_id === userId)?.name ?? null,
  };
}
