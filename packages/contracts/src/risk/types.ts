export const riskLevels = ['none', 'low', 'moderate', 'high', 'crisis'] as const;
export type RiskLevel = (typeof riskLevels)[number];
export type RiskLanguage = 'en' | 'uk' | 'ru' | 'unknown';

/** What `classifyRisk` says about one message: the level, the detected language, and the signals behind the level. */
export type RiskAssessment = { level: RiskLevel; language: RiskLanguage; matched: string[] };

/**
 * What a lexicon pattern signals. The first groups carry a level of their own; `plan`, `means` and
 * `timeline` only raise active ideation to crisis when they occur together with it.
 */
export type SignalKind =
  | 'act' // an attempt in progress or just made
  | 'farewell' // goodbye or suicide note, "by the time you read this"
  | 'intent' // "I'm going to kill myself", future first person
  | 'ideation' // active suicidal ideation: "I want to kill myself"
  | 'self_harm' // self-harm now or recently
  | 'farewell_soft' // "I won't be here tomorrow": moderate alone, crisis with a plan or a time
  | 'stockpile' // saving up pills: moderate alone, crisis with a time or plan
  | 'passive' // passive death wish, hopelessness about living
  | 'third_party' // someone else's suicide or self-harm
  | 'grief' // a death in the family or among friends
  | 'distress' // distress without a reference to death or self-harm
  | 'plan'
  | 'means'
  | 'timeline';

export type RiskPattern = { kind: SignalKind; pattern: RegExp; requires?: RegExp };

export const levelOfKind: Record<SignalKind, RiskLevel> = {
  act: 'crisis',
  farewell: 'crisis',
  intent: 'crisis',
  ideation: 'high',
  self_harm: 'high',
  farewell_soft: 'moderate',
  stockpile: 'moderate',
  passive: 'moderate',
  third_party: 'low',
  grief: 'low',
  distress: 'low',
  plan: 'none',
  means: 'none',
  timeline: 'none',
};

export const levelRank = (level: RiskLevel): number => riskLevels.indexOf(level);
export const maxLevel = (a: RiskLevel, b: RiskLevel): RiskLevel => (levelRank(a) >= levelRank(b) ? a : b);
export const minLevel = (a: RiskLevel, b: RiskLevel): RiskLevel => (levelRank(a) <= levelRank(b) ? a : b);
