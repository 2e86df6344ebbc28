/** Older names some browsers still answer with, and the names the zone database uses now. */
const renamedZones: Record<string, string> = { 'Europe/Kiev': 'Europe/Kyiv' };

/** The zone this browser is in, by its current name, e.g. "Europe/Kyiv" (Chromium still says "Europe/Kiev"). */
export const browserTimeZone = (): string => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return renamedZones[zone] ?? zone;
};

/** Every IANA zone the browser knows, by current names, plus any given (a saved zone or the browser's own). */
export function timeZoneOptions(...also: string[]): string[] {
  const zones = new Set(Intl.supportedValuesOf('timeZone').map((zone) => renamedZones[zone] ?? zone));
  for (const zone of also) if (zone) zones.add(zone);
  return [...zones].sort();
}
