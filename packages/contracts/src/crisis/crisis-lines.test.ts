import { describe, expect, it } from 'vitest';
import { crisisJurisdictions, crisisLines, crisisLinesFor } from './crisis-lines';

describe('crisis lines', () => {
  it('gives Ukraine 112, Lifeline 7333 and La Strada, and flags the unverified numbers', () => {
    const { jurisdiction, lines, fallback } = crisisLinesFor('UA');
    expect({ jurisdiction, fallback }).toEqual({ jurisdiction: 'UA', fallback: false });
    expect(lines.map((l) => l.number)).toEqual(['112', '7333', '116 111', '1547', '0 800 500 335']);
    expect(lines.filter((l) => !l.verified).map((l) => l.number)).toEqual(['1547', '0 800 500 335']);
    expect(lines.find((l) => l.number === '7333')?.tel).toBe('tel:7333');
  });

  it('marks the reference’s ⚠️ and ❓ entries unverified elsewhere too', () => {
    expect(crisisLinesFor('UK').lines.find((l) => l.number === '116 123')?.verified).toBe(false);
    expect(crisisLinesFor('DE').lines.find((l) => l.number === '116 123')?.verified).toBe(false);
    expect(crisisLinesFor('DE').lines.find((l) => l.number === '0800 111 0 111')?.verified).toBe(true);
  });

  it('has an emergency number, Ukrainian and English labels and a dialable tel: link for every line', () => {
    for (const jurisdiction of crisisJurisdictions) {
      const lines = crisisLines[jurisdiction];
      expect(lines.some((l) => l.kind === 'emergency')).toBe(true);
      for (const l of lines) {
        expect(l.tel).toMatch(/^tel:\d{3,}$/);
        expect(l.label.uk.length).toBeGreaterThan(0);
        expect(l.label.en.length).toBeGreaterThan(0);
      }
    }
    expect(crisisLinesFor('US').lines.find((l) => l.kind === 'text_line')).toMatchObject({ number: '741741', sms: 'sms:741741?body=HOME' });
  });

  it('accepts lower case, ISO aliases and EU members', () => {
    expect(crisisLinesFor('us').jurisdiction).toBe('US');
    expect(crisisLinesFor('GB').jurisdiction).toBe('UK');
    expect(crisisLinesFor('ua-kyiv').jurisdiction).toBe('UA');
    expect(crisisLinesFor('FR')).toMatchObject({ jurisdiction: 'EU', fallback: false });
  });

  it('falls back to the international list for anything unknown and never throws', () => {
    for (const input of ['', 'XX', 'INTL', '  ', 'Atlantis', null as unknown as string, undefined as unknown as string, 42 as unknown as string]) {
      const result = crisisLinesFor(input);
      expect(result).toMatchObject({ jurisdiction: 'INTL', fallback: true });
      expect(result.lines.map((l) => l.number)).toEqual(['112', '116 123', '116 111']);
    }
  });
});
