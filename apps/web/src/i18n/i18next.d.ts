import 'i18next';
import type after from './after.en.json';
import type chat from './chat.en.json';
import type casework from './casework.en.json';
import type clinical from './clinical.en.json';
import type consent from './consent.en.json';
import type en from './en.json';
import type inbox from './inbox.en.json';
import type portal from './portal.en.json';
import type scheduling from './scheduling.en.json';
import type sessions from './sessions.en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: {
      translation: typeof en &
        typeof clinical &
        typeof portal &
        typeof chat &
        typeof casework &
        typeof scheduling &
        typeof sessions &
        typeof after &
        typeof inbox &
        typeof consent;
    };
  }
}
