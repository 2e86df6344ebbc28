import type { Me } from '@tend/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { forgetOfflineSafetyPlan } from '../offline/service-worker-registration';

const isMeQuery = (queryKey: readonly unknown[]) => queryKey.length === 1 && queryKey[0] === queryKeys.me[0];

/**
 * Forgets everything cached for the previous user or practice and records who is signed in now.
 * The `me` query itself is updated rather than removed, so components already watching it see the change.
 * The safety plan kept for offline use goes too: it belongs to the previous user.
 */
export function resetSessionCache(queryClient: QueryClient, user: Me | null): void {
  queryClient.removeQueries({ predicate: (query) => !isMeQuery(query.queryKey) });
  queryClient.setQueryData(queryKeys.me, user);
  forgetOfflineSafetyPlan();
}
