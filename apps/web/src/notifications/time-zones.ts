/** The zone this browser is in, e.g. "Europe/Kyiv". */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Every IANA zone the browser knows, plus any given (a saved zone the browser spells differently). */
export function timeZoneOptions(...also: string[]): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone'));
  for (const zone of also) if (zone) zones.add(zone);
  return [...zones].sort();
}
