import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { fetchMe } from './auth.api';

export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 60_000 });
}
