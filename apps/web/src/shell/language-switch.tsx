import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { asLocale, storeLanguage } from '../i18n/language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('shell.language')}
      value={asLocale(i18n.language)}
      onChange={(value) => {
        const language = asLocale(value);
        storeLanguage(language);
        void i18n.changeLanguage(language);
      }}
      data={[
        {
          value: 'uk',
          label: (
            <span lang="uk" title="Українська">
              УК
            </span>
          ),
        },
        {
          value: 'en',
          label: (
            <span lang="en" title="English">
              EN
            </span>
          ),
        },
      ]}
    />
  );
}
