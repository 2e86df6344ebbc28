/**
 * Emergency numbers and crisis lines by the client's current location, exactly as
 * the clinical domain reference (§2) lists them. `verified: false` marks entries the reference
 * flags ⚠️ (secondary sources only) or ❓ (not verified): show them, but re-check before release.
 * Route by where the client is now, not by their account's country.
 */
export const crisisJurisdictions = ['UA', 'US', 'UK', 'DE', 'PL', 'CA', 'AU', 'EU', 'INTL'] as const;
export type CrisisJurisdiction = (typeof crisisJurisdictions)[number];
export type CrisisLineKind = 'emergency' | 'crisis_line' | 'text_line' | 'children' | 'domestic_violence';
export type Localized = { uk: string; en: string };

export type CrisisLine = {
  kind: CrisisLineKind;
  /** As people write it locally. */
  number: string;
  /** `tel:` link (digits only), for the dial button. */
  tel: string;
  /** `sms:` link when the line takes text messages. */
  sms?: string;
  label: Localized;
  note?: Localized;
  verified: boolean;
};

const line = (
  kind: CrisisLineKind,
  number: string,
  label: Localized,
  extra: Partial<Pick<CrisisLine, 'sms' | 'note'>> & { verified?: boolean } = {},
): CrisisLine => ({
  kind,
  number,
  tel: `tel:${number.replace(/\D/g, '')}`,
  label,
  verified: extra.verified ?? true,
  ...(extra.sms ? { sms: extra.sms } : {}),
  ...(extra.note ? { note: extra.note } : {}),
});

const EU_EMERGENCY = line(
  'emergency',
  '112',
  { uk: 'Екстрений номер ЄС', en: 'EU emergency number' },
  { note: { uk: 'Безкоштовно в кожній країні ЄС.', en: 'Free in every EU member state.' } },
);
const EU_SUPPORT = line(
  'crisis_line',
  '116 123',
  { uk: 'Лінія емоційної підтримки', en: 'Emotional support line' },
  {
    note: {
      uk: 'Номер зарезервовано по всьому ЄС; кожна країна сама вирішує, чи працює він.',
      en: 'Reserved EU-wide; each country decides whether to run it.',
    },
  },
);
const EU_CHILDREN = line(
  'children',
  '116 111',
  { uk: 'Лінія для дітей', en: 'Children’s helpline' },
  {
    note: {
      uk: 'Номер зарезервовано по всьому ЄС; кожна країна сама вирішує, чи працює він.',
      en: 'Reserved EU-wide; each country decides whether to run it.',
    },
  },
);

export const crisisLines: Readonly<Record<CrisisJurisdiction, readonly CrisisLine[]>> = {
  UA: [
    line(
      'emergency',
      '112',
      { uk: 'Екстрена допомога', en: 'Emergency' },
      {
        note: {
          uk: 'Загальнонаціональне впровадження 2023–24; 101, 102, 103, 104 теж працюють.',
          en: 'National rollout 2023–24; 101, 102, 103 and 104 still work.',
        },
      },
    ),
    line(
      'crisis_line',
      '7333',
      { uk: 'Lifeline Ukraine — запобігання самогубствам', en: 'Lifeline Ukraine — suicide prevention' },
      {
        note: { uk: 'Цілодобово, безкоштовно з основних мобільних операторів; телефон і чат.', en: '24/7, free from major mobile operators; phone and chat.' },
      },
    ),
    line('children', '116 111', { uk: 'Ла Страда — лінія для дітей і молоді', en: 'La Strada — children and youth' }),
    line('domestic_violence', '1547', { uk: 'Лінія з питань домашнього насильства', en: 'Domestic violence line' }, { verified: false }),
    line(
      'crisis_line',
      '0 800 500 335',
      { uk: 'Гаряча лінія 0 800 500 335', en: 'Hotline 0 800 500 335' },
      { verified: false, note: { uk: 'У довідці без назви служби; не перевірено.', en: 'Listed without a service name in the reference; not verified.' } },
    ),
  ],
  US: [
    line('emergency', '911', { uk: 'Екстрена допомога', en: 'Emergency' }),
    line(
      'crisis_line',
      '988',
      { uk: '988 — лінія допомоги в кризі та запобігання самогубствам', en: '988 Suicide & Crisis Lifeline' },
      { sms: 'sms:988', note: { uk: 'Дзвінок або SMS; ветеранам — натиснути 1 після набору.', en: 'Call or text; veterans press 1 after dialling.' } },
    ),
    line('text_line', '741741', { uk: 'Crisis Text Line — напишіть HOME', en: 'Crisis Text Line — text HOME' }, { sms: 'sms:741741?body=HOME' }),
  ],
  UK: [
    line('emergency', '999', { uk: 'Екстрена допомога', en: 'Emergency' }),
    line('crisis_line', '116 123', { uk: 'Samaritans', en: 'Samaritans' }, { verified: false }),
    line(
      'crisis_line',
      '111',
      { uk: 'NHS 111, опція 2 (психічне здоров’я)', en: 'NHS 111, option 2 (mental health)' },
      { note: { uk: 'Англія, цілодобово; після набору оберіть 2.', en: 'England, 24/7; choose option 2.' } },
    ),
    line('text_line', '85258', { uk: 'Shout — напишіть SHOUT', en: 'Shout — text SHOUT' }, { sms: 'sms:85258?body=SHOUT' }),
    line('children', '0800 1111', { uk: 'Childline', en: 'Childline' }),
  ],
  DE: [
    line('emergency', '112', { uk: 'Екстрена допомога', en: 'Emergency' }),
    line(
      'crisis_line',
      '0800 111 0 111',
      { uk: 'TelefonSeelsorge', en: 'TelefonSeelsorge' },
      { note: { uk: 'Безкоштовно, цілодобово, анонімно.', en: 'Free, 24/7, anonymous.' } },
    ),
    line(
      'crisis_line',
      '0800 111 0 222',
      { uk: 'TelefonSeelsorge', en: 'TelefonSeelsorge' },
      { note: { uk: 'Безкоштовно, цілодобово, анонімно.', en: 'Free, 24/7, anonymous.' } },
    ),
    line('crisis_line', '116 123', { uk: 'Лінія емоційної підтримки', en: 'Emotional support line' }, { verified: false }),
  ],
  PL: [
    line('emergency', '112', { uk: 'Екстрена допомога', en: 'Emergency' }),
    line(
      'crisis_line',
      '116 123',
      { uk: 'Кризова лінія для дорослих', en: 'Adult crisis line' },
      { note: { uk: 'Години роботи різняться; перевірте.', en: 'Hours vary; check before relying on it.' } },
    ),
    line('children', '116 111', { uk: 'Лінія для молоді', en: 'Youth helpline' }),
    line('crisis_line', '800 70 2222', { uk: 'Centrum Wsparcia', en: 'Centrum Wsparcia' }, { note: { uk: 'Цілодобово.', en: '24/7.' } }),
  ],
  CA: [
    line('emergency', '911', { uk: 'Екстрена допомога', en: 'Emergency' }),
    line(
      'crisis_line',
      '988',
      { uk: '988 — кризова лінія', en: '988 Suicide Crisis Helpline' },
      { sms: 'sms:988', note: { uk: 'Дзвінок або SMS, англійською та французькою, цілодобово.', en: 'Call or text, English and French, 24/7.' } },
    ),
    line('children', '1-800-668-6868', { uk: 'Kids Help Phone', en: 'Kids Help Phone' }),
  ],
  AU: [
    line('emergency', '000', { uk: 'Екстрена допомога', en: 'Emergency' }),
    line('crisis_line', '13 11 14', { uk: 'Lifeline', en: 'Lifeline' }, { note: { uk: 'Також є чат.', en: 'Chat is also available.' } }),
    line('text_line', '0477 13 11 14', { uk: 'Lifeline — SMS', en: 'Lifeline — text' }, { sms: 'sms:0477131114' }),
  ],
  EU: [EU_EMERGENCY, EU_SUPPORT, EU_CHILDREN],
  INTL: [
    line(
      'emergency',
      '112',
      { uk: 'Екстрений номер (ЄС)', en: 'Emergency number (EU)' },
      {
        note: {
          uk: 'Працює в кожній країні ЄС. Деінде телефонуйте на місцевий екстрений номер.',
          en: 'Works in every EU country. Elsewhere, call the local emergency number.',
        },
      },
    ),
    line(
      'crisis_line',
      '116 123',
      { uk: 'Лінія емоційної підтримки (ЄС)', en: 'Emotional support line (EU)' },
      { note: { uk: 'Зарезервовано в ЄС; працює не в кожній країні.', en: 'Reserved across the EU; not every country runs it.' } },
    ),
    line(
      'children',
      '116 111',
      { uk: 'Лінія для дітей (ЄС)', en: 'Children’s helpline (EU)' },
      { note: { uk: 'Зарезервовано в ЄС; працює не в кожній країні.', en: 'Reserved across the EU; not every country runs it.' } },
    ),
  ],
};

// ISO 3166 codes of EU member states without an entry of their own: 112 works there.
const EU_MEMBERS = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'GR',
  'EL',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);
const ALIASES: Record<string, CrisisJurisdiction> = { GB: 'UK', UKR: 'UA', USA: 'US', GBR: 'UK', DEU: 'DE', POL: 'PL', CAN: 'CA', AUS: 'AU' };

export type CrisisLinesResult = { jurisdiction: CrisisJurisdiction; lines: readonly CrisisLine[]; fallback: boolean };

/**
 * The lines for a location code ("UA", "us", "GB", "FR", "ua-kyiv"…). Unknown or empty input gets
 * the international list with `fallback: true`. Never throws.
 */
export function crisisLinesFor(jurisdiction: string): CrisisLinesResult {
  const code =
    typeof jurisdiction === 'string'
      ? (jurisdiction
          .trim()
          .toUpperCase()
          .split(/[-_\s]/)[0] ?? '')
      : '';
  const known = (crisisJurisdictions as readonly string[]).includes(code) ? (code as CrisisJurisdiction) : ALIASES[code];
  if (known && known !== 'INTL') return { jurisdiction: known, lines: crisisLines[known], fallback: false };
  if (EU_MEMBERS.has(code)) return { jurisdiction: 'EU', lines: crisisLines.EU, fallback: false };
  return { jurisdiction: 'INTL', lines: crisisLines.INTL, fallback: true };
}
