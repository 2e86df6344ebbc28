import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { authApi } from '../auth/auth.api';
import { useEnterApp } from '../auth/use-complete-auth';
import { errorMessage } from '../i18n/error-message';
import { notify } from '../ui/notify';

/** Makes another membership the active one; the role's home changes with it. */
export function useSwitchOrg() {
  const { t } = useTranslation();
  const enterApp = useEnterApp();
  return useMutation({
    mutationFn: authApi.switchOrg,
    onSuccess: (result) => enterApp(result.user),
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
  });
}
