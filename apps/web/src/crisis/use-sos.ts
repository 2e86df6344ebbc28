import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { queryKeys } from '../api/query-keys';
import { crisisApi } from './crisis.api';

/**
 * Sends the SOS once when the page was opened by the SOS button (router state `sos`), then forgets the
 * state so a reload does not alert the team again. It waits for `ready` (the practice's region is known,
 * a moment) so the alert says where the client is. The page can send it by hand too.
 */
export function useSos(jurisdiction: string, ready: boolean) {
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const sent = useRef(false);
  const sos = useMutation({
    mutationFn: () => crisisApi.sos(jurisdiction),
    onSuccess: (result) => {
      if (result.safety_plan) queryClient.setQueryData(queryKeys.safetyPlan, result.safety_plan);
    },
  });
  const requested = (location.state as { sos?: boolean } | null)?.sos === true;
  const { mutate } = sos;
  useEffect(() => {
    if (!requested || !ready || sent.current) return;
    sent.current = true;
    mutate();
    void navigate(location.pathname, { replace: true, state: null });
  }, [requested, ready, mutate, navigate, location.pathname]);
  return sos;
}
