import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { forgetPushOnThisDevice } from '../notifications/push-device';
import { authApi } from './auth.api';
import { resetSessionCache } from './session-cache';

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    // While the session still exists, so the server can be told to stop pushing to this device.
    mutationFn: async () => {
      await forgetPushOnThisDevice({ tellServer: true });
      return authApi.logout();
    },
    onSettled: () => {
      resetSessionCache(queryClient, null);
      void navigate('/sign-in', { replace: true });
    },
  });
}
