import type { RiskLanguage } from './types';

const CYRILLIC = /[а-яёіїєґ]/gu;
const LATIN = /[a-z]/g;
const UKRAINIAN_LETTERS = /[іїєґ]|[а-яіїєґ]'[а-яіїєґ]/gu;
const RUSSIAN_LETTERS = /[ыэъё]/gu;
const WORD = /[\p{L}']+/gu;
const UKRAINIAN_WORDS = new Set([
  'що',
  'це',
  'мені',
  'дуже',
  'як',
  'але',
  'він',
  'вона',
  'мене',
  'та',
  'й',
  'від',
  'зі',
  'усе',
  'вже',
  'коли',
  'тебе',
  'сьогодні',
  'зараз',
  'ніколи',
  'немає',
  'хочеться',
  'бути',
  'мій',
  'чи',
  'щоб',
  'тут',
  'дякую',
  'будь',
  'ласка',
  'йти',
  'тиждень',
  'кожного',
  'кожен',
  'щодня',
  'думок',
  'ще',
  'була',
  'був',
  'було',
  'якби',
  'якщо',
  'мною',
  'тобі',
  'зовсім',
  'життя',
  'свій',
  'своє',
]);
const RUSSIAN_WORDS = new Set([
  'что',
  'это',
  'мне',
  'очень',
  'как',
  'но',
  'он',
  'она',
  'меня',
  'и',
  'от',
  'со',
  'уже',
  'когда',
  'тебя',
  'сегодня',
  'сейчас',
  'никогда',
  'нет',
  'хочется',
  'быть',
  'мой',
  'ли',
  'чтобы',
  'здесь',
  'спасибо',
  'пожалуйста',
  'если',
  'может',
  'можно',
  'идти',
  'каждый',
  'неделю',
  'себя',
  'еще',
  'была',
  'был',
  'было',
  'мной',
  'тебе',
  'совсем',
  'больше',
  'никому',
  'жизнь',
  'еду',
  'ничего',
  'чем',
  'лучше',
]);
const ENGLISH_WORDS = new Set([
  'i',
  'the',
  'a',
  'and',
  'to',
  'my',
  'me',
  'is',
  'it',
  'you',
  'in',
  'of',
  'for',
  'this',
  'that',
  "i'm",
  'can',
  'we',
  'be',
  'so',
  'just',
  'not',
  "don't",
  'want',
  'feel',
  'have',
  'was',
  'on',
  'at',
  'what',
  'how',
  "i've",
  'been',
  'life',
  'anymore',
  'am',
  'are',
  'with',
  'all',
  'no',
  'never',
]);

// Instrumental -ою, -ння/-ття nouns, reflexive -ся after a vowel (uk); -ой, -сь reflexives, -ешь/-ишь (ru).
const UKRAINIAN_ENDING = /(?:ою|ння|ття|[аеиую]ся)$/u;
const RUSSIAN_ENDING = /(?:ой|[аеиюя]сь|ешь|ишь|ется|ются)$/u;

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

/**
 * English, Ukrainian or Russian, by script and then, for Cyrillic, by the letters only one of the two
 * languages has (і ї є ґ and the apostrophe inside words → uk; ы э ъ ё → ru), frequent function words
 * and infinitive endings (-ти uk, -ть ru). Undecidable text is 'unknown'.
 */
export function detectLanguage(text: string): RiskLanguage {
  const lower = text.toLowerCase().replace(/[’ʼ‘`]/g, "'");
  const cyrillic = count(lower, CYRILLIC);
  const latin = count(lower, LATIN);
  if (cyrillic === 0 && latin === 0) return 'unknown';
  const words = lower.match(WORD) ?? [];
  if (latin > cyrillic) return words.some((w) => ENGLISH_WORDS.has(w)) ? 'en' : 'unknown';
  let uk = count(lower, UKRAINIAN_LETTERS) * 2;
  let ru = count(lower, RUSSIAN_LETTERS) * 2;
  for (const word of words) {
    if (UKRAINIAN_WORDS.has(word)) uk += 1;
    if (RUSSIAN_WORDS.has(word)) ru += 1;
    if (word.length > 3 && word.endsWith('ти')) uk += 0.5;
    if (word.length > 3 && word.endsWith('ть')) ru += 0.5;
    if (word.length > 4 && UKRAINIAN_ENDING.test(word)) uk += 1;
    if (word.length > 4 && RUSSIAN_ENDING.test(word)) ru += 1;
  }
  if (uk === ru) return 'unknown';
  return uk > ru ? 'uk' : 'ru';
}
