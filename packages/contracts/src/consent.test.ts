import { describe, expect, it } from 'vitest';
import { consentJurisdictionOf } from './consent';

describe('consentJurisdictionOf', () => {
  it('gives Ukraine’s and the United States’ texts by country, a state or region included', () => {
    expect(consentJurisdictionOf('UA')).toBe('UA');
    expect(consentJurisdictionOf('ua-30')).toBe('UA');
    expect(consentJurisdictionOf('US-OH')).toBe('US');
  });

  it('gives the EU’s texts for every member state and the Union itself', () => {
    expect(consentJurisdictionOf('DE-BE')).toBe('EU');
    expect(consentJurisdictionOf('PL')).toBe('EU');
    expect(consentJurisdictionOf('EU')).toBe('EU');
  });

  it('has none for a country outside them, so the client chooses', () => {
    expect(consentJurisdictionOf('GB')).toBeNull();
    expect(consentJurisdictionOf('CH')).toBeNull();
    expect(consentJurisdictionOf('')).toBeNull();
  });
});
