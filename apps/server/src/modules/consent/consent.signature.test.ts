import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalSignedContent, signedHash } from './consent.signature';

const content = {
  templateId: '0190a5e4-1d2c-7b3a-8f00-000000000001',
  version: 2,
  text: 'I agree.',
  signer: "<b>O'Brien</b>",
  at: new Date('2026-11-22T10:00:00.000Z'),
  recipientUserId: null,
  scope: [] as string[],
};

describe('signed consent hash', () => {
  it('hashes the canonical JSON of text, name and time, in a fixed key order', () => {
    const canonical = canonicalSignedContent(content);
    expect(canonical).toBe(
      '{"template":"0190a5e4-1d2c-7b3a-8f00-000000000001","version":2,"text":"I agree.","signer":"<b>O\'Brien</b>","at":"2026-11-22T10:00:00.000Z","recipient":null,"scope":[]}',
    );
    expect(signedHash(content)).toBe(crypto.createHash('sha256').update(canonical).digest('hex'));
  });

  it('changes when any signed part changes', () => {
    const base = signedHash(content);
    expect(signedHash({ ...content, text: 'I agree!' })).not.toBe(base);
    expect(signedHash({ ...content, signer: "<b>O'Brian</b>" })).not.toBe(base);
    expect(signedHash({ ...content, at: new Date('2026-11-22T10:00:00.001Z') })).not.toBe(base);
    expect(signedHash({ ...content, scope: ['mood'] })).not.toBe(base);
  });
});
