import { crisisJurisdictions } from '@tend/contracts';

export const jurisdictionChoices = crisisJurisdictions;
const chosenKey = 'tend.crisis.where';
/** The place whose lines were last shown (the practice's region, usually): offline, the region is not known. */
const shownKey = 'tend.crisis.shown';

const known = (code: string | null | undefined): code is string => !!code && (jurisdictionChoices as readonly string[]).includes(code);

/** Where the person said they are now, else the practice's region, else the last place shown here, else a guess from the language. */
export function initialJurisdiction(region: string | undefined, language: string): string {
  const stored = window.localStorage.getItem(chosenKey);
  if (known(stored)) return stored;
  const fromRegion = region?.toUpperCase();
  if (known(fromRegion)) return fromRegion;
  const shown = window.localStorage.getItem(shownKey);
  if (known(shown)) return shown;
  return language === 'uk' ? 'UA' : 'INTL';
}

export function rememberJurisdiction(code: string): void {
  window.localStorage.setItem(chosenKey, code);
}

export function rememberShownJurisdiction(code: string): void {
  if (window.localStorage.getItem(shownKey) !== code) window.localStorage.setItem(shownKey, code);
}
