import {
  CONDITIONAL,
  DISTANT_PAST,
  FIRST_PERSON,
  FIRST_PERSON_SUBJECT,
  IDIOMS,
  isNegated,
  MEDIA_OR_CLINICAL,
  PAST_VERB,
  RECENT,
  THIRD_PERSON,
  THIRD_REFLEXIVE,
} from './context';
import { detectLanguage } from './language';
import { englishLexicon } from './lexicon-en';
import { russianLexicon } from './lexicon-ru';
import { ukrainianLexicon } from './lexicon-uk';
import { normalizeText, splitClauses, splitSentences } from './normalize';
import { levelOfKind, maxLevel, minLevel, type RiskAssessment, type RiskLevel, type RiskPattern, type SignalKind } from './types';

const HAS_LATIN = /[a-z]/;
const HAS_CYRILLIC = /[а-яіїєґ]/;
const CYRILLIC_LEXICON = [...ukrainianLexicon, ...russianLexicon];
const MODIFIERS: ReadonlySet<SignalKind> = new Set(['plan', 'means', 'timeline']);
// Kinds that turn into crisis when a plan, means or a time is also named.
const ESCALATING: ReadonlySet<SignalKind> = new Set(['ideation', 'farewell_soft', 'stockpile']);
const KEEPS_LEVEL_IN_MEDIA: ReadonlySet<SignalKind> = new Set(['act', 'farewell', 'intent']);
const VERBAL_IDEATION: ReadonlySet<SignalKind> = new Set(['ideation', 'intent']);

type Signal = { kind: SignalKind; level: RiskLevel; text: string; escalates: boolean };

/**
 * Local, rule-based suicide and self-harm risk level of one message (en, uk, ru). Pure and
 * synchronous; no network, no model, so the crisis path never waits for a provider.
 *
 * Levels (see docs/adr/0005-local-risk-classifier.md):
 * - crisis: current intent, a plan, means at hand or a time together with ideation, an act in
 *   progress, a goodbye note ("I have the pills and I'm going to take them all tonight",
 *   "це прощальний лист");
 * - high: active suicidal ideation or self-harm now or very recently ("I want to kill myself",
 *   "хочу покінчити з собою", "I cut myself again today");
 * - moderate: passive death wish or hopelessness that names death ("I wish I could go to sleep
 *   and never wake up", "не бачу сенсу жити");
 * - low: distress without death or self-harm ("I feel hopeless", "мені дуже погано"), someone
 *   else's suicide or self-harm, the writer's own resolved past ("last year… but I'm fine now");
 * - none: nothing of the above, negated statements ("I would never kill myself"), idioms
 *   ("this homework is killing me"), films, songs, books and clinical discussion.
 *
 * `matched` lists the signals that set the level as `kind:phrase`.
 */
export function classifyRisk(text: string): RiskAssessment {
  const language = detectLanguage(text);
  const normalized = normalizeText(text);
  const lexicon = [...(HAS_LATIN.test(normalized) ? englishLexicon : []), ...(HAS_CYRILLIC.test(normalized) ? CYRILLIC_LEXICON : [])];
  const signals: Signal[] = [];
  for (const sentence of splitSentences(normalized)) {
    const media = MEDIA_OR_CLINICAL.test(sentence);
    for (const clause of splitClauses(sentence)) signals.push(...clauseSignals(withoutIdioms(clause), normalized, lexicon, media));
  }
  return {
    level: combine(signals),
    language,
    matched: [...new Set(signals.filter((s) => s.level !== 'none' || MODIFIERS.has(s.kind)).map((s) => `${s.kind}:${s.text}`))],
  };
}

function withoutIdioms(clause: string): string {
  let result = clause;
  for (const idiom of IDIOMS) result = result.replace(idiom, (m) => ' '.repeat(m.length));
  return result;
}

function clauseSignals(clause: string, message: string, lexicon: readonly RiskPattern[], media: boolean): Signal[] {
  const distant = DISTANT_PAST.test(clause);
  const recent = RECENT.test(clause);
  const conditional = CONDITIONAL.test(clause);
  const signals: Signal[] = [];
  for (const { kind, pattern, requires } of lexicon) {
    if (requires && !requires.test(message)) continue;
    for (const match of clause.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (isNegated(clause, start, end)) continue;
      const signal = assess(kind, match[0], clause, start, { distant, recent, conditional, media });
      if (signal) signals.push(signal);
    }
  }
  return signals;
}

type ClauseContext = { distant: boolean; recent: boolean; conditional: boolean; media: boolean };

function assess(kind: SignalKind, text: string, clause: string, start: number, context: ClauseContext): Signal | null {
  if (MODIFIERS.has(kind)) return context.distant || context.media ? null : { kind, level: 'none', text, escalates: false };
  if (context.media && !KEEPS_LEVEL_IN_MEDIA.has(kind)) return null;
  if (isThirdParty(text, clause, start)) return { kind: 'third_party', level: 'low', text, escalates: false };
  let level = levelOfKind[kind];
  let escalates = ESCALATING.has(kind);
  if (context.distant) return { kind, level: minLevel(level, 'low'), text, escalates: false };
  // A past attempt or wish: recent ones keep their level but no longer combine with a date into crisis.
  if (VERBAL_IDEATION.has(kind) && PAST_VERB.test(clause.slice(Math.max(0, start - 24), start + text.length))) {
    if (!context.recent) level = minLevel(level, 'moderate');
    escalates = false;
  }
  if (kind === 'intent' && context.conditional) level = 'high';
  return { kind, level, text, escalates };
}

/** Someone else's act: a third-person reflexive, or a third-person subject with no "I" after it. */
function isThirdParty(text: string, clause: string, start: number): boolean {
  if (THIRD_REFLEXIVE.test(text)) return true;
  if (FIRST_PERSON.test(text)) return false;
  const before = clause.slice(0, start);
  let subjectAt = -1;
  for (const match of before.matchAll(THIRD_PERSON)) subjectAt = match.index + match[0].length;
  return subjectAt >= 0 && !FIRST_PERSON_SUBJECT.test(before.slice(subjectAt));
}

function combine(signals: readonly Signal[]): RiskLevel {
  let level: RiskLevel = 'none';
  for (const signal of signals) level = maxLevel(level, signal.level);
  const has = (kind: SignalKind) => signals.some((s) => s.kind === kind);
  const escalating = signals.filter((s) => s.escalates);
  const modifier = has('plan') || has('means') || has('timeline');
  // Saved-up pills count as means for any other escalating signal.
  const stockpileWithIdeation = escalating.some((s) => s.kind === 'stockpile') && escalating.some((s) => s.kind !== 'stockpile');
  if (escalating.length > 0 && (modifier || stockpileWithIdeation)) return 'crisis';
  if (has('means') && has('plan')) return 'crisis';
  return level;
}
