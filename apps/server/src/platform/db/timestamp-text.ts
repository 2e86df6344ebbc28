import pg from 'pg';

/**
 * Timestamps read straight into the API's ISO-8601 text, for statements whose rows go out as JSON and never
 * need a Date. node-postgres parses every `timestamptz` into a Date (a regular expression and a Date each),
 * and the DTO turns it back into text: for a caseload page of 50 that was 250 such conversions, about a tenth
 * of the server's CPU per request. PostgreSQL already sends the text; in a session whose time zone is UTC
 * (`…+00`) it only needs a `T`, milliseconds and a `Z`. Any other form (another time zone, a year past 9999,
 * BC) goes through node-postgres' own parser and comes out as that Date's ISO text; infinity, which no ISO
 * text can say, is refused.
 */

const TIMESTAMPTZ = 1184;
const parseTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date | number | null;

const DASH = 45;
const SPACE = 32;
const COLON = 58;
const DOT = 46;

/** PostgreSQL's text for a `timestamptz` as `Date#toISOString()` would write it (milliseconds, truncated). */
export function isoFromTimestamptz(text: string): string {
  // "2026-11-30 09:35:15+00" or "2026-11-30 09:35:15.263123+00"
  const utc = text.length >= 22 && text.endsWith('+00') && text.charCodeAt(4) === DASH && text.charCodeAt(10) === SPACE && text.charCodeAt(16) === COLON;
  if (utc) {
    const seconds = `${text.slice(0, 10)}T${text.slice(11, 19)}`;
    if (text.length === 22) return `${seconds}.000Z`;
    if (text.charCodeAt(19) === DOT) return `${seconds}.${`${text.slice(20, text.length - 3)}00`.slice(0, 3)}Z`;
  }
  const parsed = parseTimestamptz(text);
  if (!(parsed instanceof Date) || Number.isNaN(parsed.getTime())) throw new RangeError(`Not a finite timestamp: ${text}`);
  return parsed.toISOString();
}

/** node-postgres `types` for one query: `timestamptz` as ISO text, every other type as usual. */
export const isoTimestamps = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary' ? isoFromTimestamptz : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
