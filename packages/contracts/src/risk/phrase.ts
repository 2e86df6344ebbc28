import type { RiskPattern, SignalKind } from './types';

// JavaScript's \b only knows ASCII letters, so Cyrillic needs explicit Unicode boundaries.
const WORD_CHAR = String.raw`[\p{L}\p{N}'\-]`;
const BEFORE = String.raw`(?<![\p{L}\p{N}'])`;
const AFTER = String.raw`(?![\p{L}\p{N}])`;

/**
 * Compiles a phrase written over normalised text (lower case, straight apostrophes, single spaces).
 * `\w` in the source means one Unicode word character (apostrophes and hyphens included), so
 * `\w+` is one word and `суїцид\w*` a stem; the whole phrase is anchored on word boundaries.
 */
export function phrase(source: string, flags = 'gu'): RegExp {
  return new RegExp(`${BEFORE}(?:${source.replaceAll(String.raw`\w`, WORD_CHAR)})${AFTER}`, flags);
}

/** One alternation of several phrases, for markers that are only tested, never enumerated. */
export function anyPhrase(sources: readonly string[]): RegExp {
  return phrase(sources.join('|'), 'u');
}

export type LexiconEntry = readonly [kind: SignalKind, source: string, requires?: string];

export function compileLexicon(entries: readonly LexiconEntry[]): RiskPattern[] {
  return entries.map(([kind, source, requires]) => ({ kind, pattern: phrase(source), ...(requires ? { requires: phrase(requires, 'u') } : {}) }));
}
