import type { SafetyPlan } from '@tend/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { crisisApi } from './crisis.api';

/**
 * The client's current plan, or null while none has been written (the server answers 404). Asked even when the
 * browser is offline: the service worker then answers with the copy it kept (ADR 0014).
 */
export function useSafetyPlan(enabled = true) {
  return useQuery({
    enabled,
    networkMode: 'offlineFirst',
    queryKey: queryKeys.safetyPlan,
    queryFn: async (): Promise<SafetyPlan | null> => {
      try {
        return await crisisApi.safetyPlan();
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CRISIS.PLAN_NOT_FOUND') return null;
        throw error;
      }
    },
  });
}
