import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import afterEn from './after.en.json';
import afterUk from './after.uk.json';
import chatEn from './chat.en.json';
import chatUk from './chat.uk.json';
import caseworkEn from './casework.en.json';
import caseworkUk from './casework.uk.json';
import clinicalEn from './clinical.en.json';
import clinicalUk from './clinical.uk.json';
import consentEn from './consent.en.json';
import consentUk from './consent.uk.json';
import en from './en.json';
import inboxEn from './inbox.en.json';
import inboxUk from './inbox.uk.json';
import portalEn from './portal.en.json';
import portalUk from './portal.uk.json';
import schedulingEn from './scheduling.en.json';
import schedulingUk from './scheduling.uk.json';
import sessionsEn from './sessions.en.json';
import sessionsUk from './sessions.uk.json';
import uk from './uk.json';
import { browserLanguage, storedLanguage } from './language';

// Cases and notes, case files and treatment plans, the client portal (crisis, forms, privacy), consents, chat, scheduling, the session room and what follows it have their own message files so each stays readable.
const resources = {
  en: { translation: { ...en, ...clinicalEn, ...portalEn, ...chatEn, ...caseworkEn, ...schedulingEn, ...sessionsEn, ...afterEn, ...inboxEn, ...consentEn } },
  uk: { translation: { ...uk, ...clinicalUk, ...portalUk, ...chatUk, ...caseworkUk, ...schedulingUk, ...sessionsUk, ...afterUk, ...inboxUk, ...consentUk } },
} as const;

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
