import { type DataCategory, EU_JURISDICTIONS } from '@tend/contracts';

type Suggestion = { category: DataCategory; jurisdiction: string; basis: string; verified: boolean };

/**
 * What the law of each jurisdiction may require a practice to keep despite an erasure request
 * (domain reference §5). Periods are not suggested: they come from national or state law the
 * practice must check, so every suggestion without a verified source is marked unverified.
 */
export function suggestedHolds(jurisdictions: string[]): Suggestion[] {
  const countries = [...new Set(jurisdictions.map((j) => j.split('-')[0] as string))];
  return countries.map((country): Suggestion => {
    if (country === 'US') {
      return {
        category: 'clinical_record',
        jurisdiction: 'US',
        basis: 'Medical-record retention is set by state law (HIPAA itself keeps only policies, 6 years, 45 CFR 164.316); enter your state’s period',
        verified: false,
      };
    }
    if (EU_JURISDICTIONS.has(country)) {
      return {
        category: 'clinical_record',
        jurisdiction: country,
        basis: 'GDPR Art. 17(3)(b): keep what a legal obligation such as statutory record retention requires; delete the rest',
        verified: true,
      };
    }
    if (country === 'UA') {
      return {
        category: 'clinical_record',
        jurisdiction: 'UA',
        basis:
          'Law 2297-VI Art. 7 permits health data for care by staff bound by confidentiality; the retention period comes from Ukrainian health-record rules',
        verified: false,
      };
    }
    return { category: 'clinical_record', jurisdiction: country, basis: 'Check the record-keeping law that applies to this client', verified: false };
  });
}
