import { useTranslation } from 'react-i18next';

/** The first stop of the keyboard: jumps past the header and navigation. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main-content">
      {t('shell.skipToContent')}
    </a>
  );
}
