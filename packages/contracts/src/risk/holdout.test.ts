import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyRisk } from './index';

/**
 * Blind held-out evaluation (docs/risk-holdout.md). The messages were written and labelled before the
 * classifier was run on them; the figures are printed, not gated — the gate stays on the main set.
 */
const LEVELS = ['none', 'low', 'moderate', 'high', 'crisis'] as const;
const LANGUAGES = ['en', 'uk', 'ru'] as const;
type Level = (typeof LEVELS)[number];
type Row = { id: string; text: string; language: (typeof LANGUAGES)[number]; level: Level };

const raw = readFileSync(new URL('./risk-holdout-set.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Record<string, unknown>);

const isRow = (r: Record<string, unknown>): boolean =>
  typeof r.id === 'string' &&
  r.id !== '' &&
  typeof r.text === 'string' &&
  r.text.trim() !== '' &&
  (LANGUAGES as readonly unknown[]).includes(r.language) &&
  (LEVELS as readonly unknown[]).includes(r.level);

const pct = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}% (${n}/${d})`);

describe('risk classifier on the blind held-out set', () => {
  it('has at least 180 valid rows, unique ids and every level in every language', () => {
    expect(raw.length).toBeGreaterThanOrEqual(180);
    expect(raw.filter((r) => !isRow(r)).map((r) => r.id)).toEqual([]);
    const rows = raw as Row[];
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const language of LANGUAGES)
      for (const level of LEVELS)
        expect(
          rows.some((r) => r.language === language && r.level === level),
          `${language}/${level}`,
        ).toBe(true);
  });

  it('reports recall and precision per level, crisis recall per language and the missed crisis/high messages', () => {
    const rows = raw as Row[];
    const results = rows.map((row) => ({ row, predicted: classifyRisk(row.text).level as string }));

    const table = LEVELS.map((level) => {
      const gold = results.filter((r) => r.row.level === level);
      const predicted = results.filter((r) => r.predicted === level);
      const tp = gold.filter((r) => r.predicted === level).length;
      return { level, gold: gold.length, predicted: predicted.length, recall: pct(tp, gold.length), precision: pct(tp, predicted.length) };
    });
    const exact = results.filter((r) => r.predicted === r.row.level).length;
    const crisisByLanguage = LANGUAGES.map((language) => {
      const gold = results.filter((r) => r.row.language === language && r.row.level === 'crisis');
      return { language, crisisRecall: pct(gold.filter((r) => r.predicted === 'crisis').length, gold.length) };
    });
    const confusion = LEVELS.map((gold) => ({
      gold,
      ...Object.fromEntries(LEVELS.map((p) => [`→${p}`, results.filter((r) => r.row.level === gold && r.predicted === p).length])),
    }));
    const missed = results
      .filter((r) => (r.row.level === 'crisis' || r.row.level === 'high') && (r.predicted === 'none' || r.predicted === 'low'))
      .map((r) => ({ id: r.row.id, gold: r.row.level, predicted: r.predicted, text: r.row.text }));
    const rank = (level: string): number => LEVELS.indexOf(level as Level);
    const urgent = results.filter((r) => r.row.level === 'crisis' || r.row.level === 'high');
    const hardNegatives = results.filter((r) => r.row.id.includes('-none-hn-'));
    const falseAlarms = results
      .filter((r) => rank(r.row.level) <= rank('low') && rank(r.predicted) >= rank('moderate'))
      .map((r) => ({ id: r.row.id, gold: r.row.level, predicted: r.predicted, text: r.row.text }));

    const report = [
      `held-out set: ${rows.length} messages, exact-level accuracy ${pct(exact, rows.length)}`,
      '',
      '| level | gold | predicted | recall | precision |',
      '|---|---|---|---|---|',
      ...table.map((t) => `| ${t.level} | ${t.gold} | ${t.predicted} | ${t.recall} | ${t.precision} |`),
      '',
      '| language | crisis recall |',
      '|---|---|',
      ...crisisByLanguage.map((c) => `| ${c.language} | ${c.crisisRecall} |`),
      '',
      `| gold \\ predicted | ${LEVELS.join(' | ')} |`,
      `|---|${LEVELS.map(() => '---').join('|')}|`,
      ...confusion.map((c) => `| ${c.gold} | ${LEVELS.map((p) => String((c as Record<string, unknown>)[`→${p}`])).join(' | ')} |`),
      '',
      `crisis+high flagged at high or above: ${pct(urgent.filter((r) => rank(r.predicted) >= rank('high')).length, urgent.length)}; at moderate or above: ${pct(urgent.filter((r) => rank(r.predicted) >= rank('moderate')).length, urgent.length)}`,
      `hard negatives (ids *-none-hn-*) kept at none: ${pct(hardNegatives.filter((r) => r.predicted === 'none').length, hardNegatives.length)}`,
      '',
      `crisis/high classified as none or low: ${missed.length}`,
      ...missed.map((m) => `- ${m.id} (${m.gold} → ${m.predicted}): ${m.text}`),
      '',
      `none/low classified as moderate or above: ${falseAlarms.length}`,
      ...falseAlarms.map((m) => `- ${m.id} (${m.gold} → ${m.predicted}): ${m.text}`),
      '',
      'other mismatches:',
      ...results
        .filter((r) => r.predicted !== r.row.level && !missed.some((m) => m.id === r.row.id) && !falseAlarms.some((m) => m.id === r.row.id))
        .map((r) => `- ${r.row.id} (${r.row.level} → ${r.predicted}): ${r.row.text}`),
    ].join('\n');
    // eslint-disable-next-line no-console
    console.log(report);

    expect(results.length).toBe(rows.length);
  });
});
