import { useTranslation } from 'react-i18next';
import type { HomeLink } from './home-links';

/** The account pages every role has. */
export function useAccountLinks(): HomeLink[] {
  const { t } = useTranslation();
  return [
    { to: '/account/security', label: t('nav.security'), description: t('home.securityDescription') },
    { to: '/account', label: t('nav.account'), description: t('home.accountDescription') },
    { to: '/account/notifications', label: t('nav.notificationSettings'), description: t('home.notificationSettingsDescription') },
  ];
}
