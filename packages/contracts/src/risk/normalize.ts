const APOSTROPHES = /[’ʼ‘`´′]/g;
const REPEATED_LETTER = /(\p{L})\1{2,}/gu;
// Latin look-alikes typed inside Cyrillic words ("нiколи" with a Latin i).
const LATIN_IN_CYRILLIC = /(?<=[а-яіїєґ])[aceiopxy]|[aceiopxy](?=[а-яіїєґ])/g;
const HOMOGLYPHS: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у' };
const CONTRACTIONS = /(?<![\p{L}'])(im|ive|ill(?= be)|dont|cant|wont|didnt|wouldnt|isnt|doesnt|wasnt|id(?= rather| be))(?![\p{L}'])/gu;
const EXPANDED: Record<string, string> = {
  im: "i'm",
  ive: "i've",
  ill: "i'll",
  dont: "don't",
  cant: "can't",
  wont: "won't",
  didnt: "didn't",
  wouldnt: "wouldn't",
  isnt: "isn't",
  doesnt: "doesn't",
  wasnt: "wasn't",
  id: "i'd",
};

/**
 * Lower case, straight apostrophes, ё → е, stretched letters collapsed ("dieeee" → "die",
 * "хочууу" → "хочу"), Latin look-alikes inside Cyrillic words replaced, apostrophe-less English
 * contractions restored, whitespace collapsed. Lexicon phrases are written against this form.
 */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(APOSTROPHES, "'")
    .replaceAll('ё', 'е')
    .replace(REPEATED_LETTER, '$1')
    .replace(LATIN_IN_CYRILLIC, (letter) => HOMOGLYPHS[letter] ?? letter)
    .replace(CONTRACTIONS, (word) => EXPANDED[word] ?? word)
    .replace(/[\s\u200b-\u200d\ufeff]+/g, ' ')
    .trim();
}

const SENTENCE_END = /[.!?;…\n]+/u;
const CONTRAST = /\s(?:but|though|although|however|але|проте|однак|однако|но|а)\s/u;

/** Sentences, then clauses at contrastive conjunctions ("…, but I'm fine now"). */
export function splitSentences(text: string): string[] {
  return text.split(SENTENCE_END).filter((s) => s.trim().length > 0);
}

export function splitClauses(sentence: string): string[] {
  return sentence.split(CONTRAST).filter((s) => s.trim().length > 0);
}
