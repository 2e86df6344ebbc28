import type { UseQueryResult } from '@tanstack/react-query';
import { ApiError } from '../api/client';

/** The server could not be asked: the browser is offline (the query waits) or the request never got an answer. */
export function isUnreachable(query: UseQueryResult<unknown>): boolean {
  if (query.isPending && query.fetchStatus === 'paused') return true;
  return query.isError && query.error instanceof ApiError && query.error.status === 0;
}
