/** Countries offered first when a client says where they are; any other can still be typed as its ISO code. */
const countryCodes = [
  'UA',
  'PL',
  'DE',
  'CZ',
  'SK',
  'RO',
  'MD',
  'HU',
  'LT',
  'LV',
  'EE',
  'AT',
  'CH',
  'IT',
  'FR',
  'ES',
  'PT',
  'NL',
  'BE',
  'IE',
  'GB',
  'DK',
  'SE',
  'NO',
  'FI',
  'BG',
  'GR',
  'HR',
  'SI',
  'GE',
  'TR',
  'IL',
  'US',
  'CA',
  'AU',
] as const;

/** US states and DC, where licences are held per state. */
export const usStates: readonly [code: string, name: string][] = [
  ['AL', 'Alabama'],
  ['AK', 'Alaska'],
  ['AZ', 'Arizona'],
  ['AR', 'Arkansas'],
  ['CA', 'California'],
  ['CO', 'Colorado'],
  ['CT', 'Connecticut'],
  ['DE', 'Delaware'],
  ['DC', 'District of Columbia'],
  ['FL', 'Florida'],
  ['GA', 'Georgia'],
  ['HI', 'Hawaii'],
  ['ID', 'Idaho'],
  ['IL', 'Illinois'],
  ['IN', 'Indiana'],
  ['IA', 'Iowa'],
  ['KS', 'Kansas'],
  ['KY', 'Kentucky'],
  ['LA', 'Louisiana'],
  ['ME', 'Maine'],
  ['MD', 'Maryland'],
  ['MA', 'Massachusetts'],
  ['MI', 'Michigan'],
  ['MN', 'Minnesota'],
  ['MS', 'Mississippi'],
  ['MO', 'Missouri'],
  ['MT', 'Montana'],
  ['NE', 'Nebraska'],
  ['NV', 'Nevada'],
  ['NH', 'New Hampshire'],
  ['NJ', 'New Jersey'],
  ['NM', 'New Mexico'],
  ['NY', 'New York'],
  ['NC', 'North Carolina'],
  ['ND', 'North Dakota'],
  ['OH', 'Ohio'],
  ['OK', 'Oklahoma'],
  ['OR', 'Oregon'],
  ['PA', 'Pennsylvania'],
  ['RI', 'Rhode Island'],
  ['SC', 'South Carolina'],
  ['SD', 'South Dakota'],
  ['TN', 'Tennessee'],
  ['TX', 'Texas'],
  ['UT', 'Utah'],
  ['VT', 'Vermont'],
  ['VA', 'Virginia'],
  ['WA', 'Washington'],
  ['WV', 'West Virginia'],
  ['WI', 'Wisconsin'],
  ['WY', 'Wyoming'],
];

/** The countries in the viewer's language, alphabetically. */
export function countryOptions(language: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([language], { type: 'region' });
  return countryCodes.map((code) => ({ value: code, label: names.of(code) ?? code })).sort((a, b) => a.label.localeCompare(b.label, language));
}

/** "US-NY" → "New York, United States"; "UA" → "Ukraine" (in the viewer's language). */
export function placeName(place: string, language: string): string {
  const [country = '', region] = place.split('-');
  const countryName = new Intl.DisplayNames([language], { type: 'region' }).of(country) ?? country;
  if (!region) return countryName;
  const state = country === 'US' ? usStates.find(([code]) => code === region)?.[1] : undefined;
  return `${state ?? region}, ${countryName}`;
}
