import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth/use-me';
import { storedLanguage } from './language';

/** Until someone picks a language on this device, the UI speaks the signed-in user's language. */
export function LanguageFromProfile() {
  const { i18n } = useTranslation();
  const locale = useMe().data?.locale;
  useEffect(() => {
    if (locale && !storedLanguage() && i18n.language !== locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);
  return null;
}
