import type { Locale } from '@tend/contracts';

const locales: Record<Locale, true> = { uk: true, en: true };

const storageKey = 'tend.language';

function isLocale(value: string | null): value is Locale {
  return value !== null && Object.hasOwn(locales, value);
}

/** The language the user picked on this device, if any. */
export function storedLanguage(): Locale | null {
  const value = localStorage.getItem(storageKey);
  return isLocale(value) ? value : null;
}

export function storeLanguage(language: Locale): void {
  localStorage.setItem(storageKey, language);
}

/** Ukrainian whenever the browser accepts it, then English, then Ukrainian as the market's default. */
export function browserLanguage(): Locale {
  const accepted = navigator.languages.map((tag) => tag.toLowerCase().slice(0, 2));
  if (accepted.includes('uk')) return 'uk';
  return accepted.includes('en') ? 'en' : 'uk';
}

export function asLocale(value: string): Locale {
  return isLocale(value) ? value : 'uk';
}
