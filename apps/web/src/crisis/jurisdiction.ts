import { crisisJurisdictions } from '@tend/contracts';

export const jurisdictionChoices = crisisJurisdictions;
const storageKey = 'tend.crisis.where';

/** Where the person said they are now, else the practice's region, else a guess from the language. */
export function initialJurisdiction(region: string | undefined, language: string): string {
  const stored = window.localStorage.getItem(storageKey);
  if (stored && (jurisdictionChoices as readonly string[]).includes(stored)) return stored;
  const fromRegion = region?.toUpperCase();
  if (fromRegion && (jurisdictionChoices as readonly string[]).includes(fromRegion)) return fromRegion;
  return language === 'uk' ? 'UA' : 'INTL';
}

export function rememberJurisdiction(code: string): void {
  window.localStorage.setItem(storageKey, code);
}
