import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { authApi } from './auth.api';
import { resetSessionCache } from './session-cache';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: authApi.logout,
    onSettled: () => {
      resetSessionCache(queryClient, null);
      void navigate('/sign-in', { replace: true });
    },
  });
}
