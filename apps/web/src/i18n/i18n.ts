import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import uk from './uk.json';
import { browserLanguage, storedLanguage } from './language';

const resources = { en: { translation: en }, uk: { translation: uk } } as const;

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage() ?? browserLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['uk', 'en'],
  interpolation: { escapeValue: false },
});

export { i18n };
