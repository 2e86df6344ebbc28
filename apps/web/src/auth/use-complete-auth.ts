import type { AuthResult, Me } from '@tend/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { homePath, safeNextPath } from './home-path';
import { clearPendingChallenge, savePendingChallenge } from './mfa-challenge';
import { resetSessionCache } from './session-cache';

/** Starts the app afresh for a user who just signed in or switched practice: nothing cached from before survives. */
export function useEnterApp() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return (user: Me, next: string | null = null) => {
    clearPendingChallenge();
    resetSessionCache(queryClient, user);
    void navigate(safeNextPath(next) ?? homePath(user), { replace: true });
  };
}

/** Finishes any call that answers with an `AuthResult`: land on the right home, or ask for the second factor. */
export function useCompleteAuth() {
  const navigate = useNavigate();
  const enterApp = useEnterApp();
  return (result: AuthResult, next: string | null = null) => {
    if (result.status === 'authenticated') {
      enterApp(result.user, next);
      return;
    }
    savePendingChallenge({ challenge: result.challenge, next });
    void navigate('/sign-in/2fa');
  };
}
