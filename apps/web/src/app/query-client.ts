import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client';
import { queryKeys } from '../api/query-keys';
import { forgetPushOnThisDevice } from '../notifications/push-device';
import { forgetOfflineSafetyPlan } from '../offline/service-worker-registration';

const sessionEndedCodes = new Set(['AUTH.UNAUTHENTICATED', 'AUTH.TOKEN_EXPIRED', 'AUTH.REFRESH_INVALID', 'AUTH.REFRESH_REUSED']);

/** Client errors will not change on a retry, nor will a network failure while the browser is offline; server failures are retried. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  if (error instanceof ApiError && error.status === 0 && !navigator.onLine) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // When the session is gone for good (revoked elsewhere, refresh expired), the guards send the user to sign in.
  const forgetEndedSession = (error: unknown) => {
    if (error instanceof ApiError && error.status === 401 && sessionEndedCodes.has(error.code)) {
      client.setQueryData(queryKeys.me, null);
      forgetOfflineSafetyPlan();
      void forgetPushOnThisDevice({ tellServer: false });
    }
  };
  const client = new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000 },
      mutations: { retry: false },
    },
    queryCache: new QueryCache({ onError: forgetEndedSession }),
    mutationCache: new MutationCache({ onError: forgetEndedSession }),
  });
  return client;
}
