import { describe, expect, it } from 'vitest';
import { checkAnswers, type FormField } from './forms';

const fields: FormField[] = [
  { key: 'name', label: 'Name', type: 'text', required: true },
  { key: 'mood', label: 'Mood', type: 'scale', required: true, min: 0, max: 10 },
  { key: 'seen_before', label: 'Seen a therapist before?', type: 'yes_no', required: false },
  { key: 'topics', label: 'Topics', type: 'multi_choice', required: false, options: ['sleep', 'work', 'family'] },
  { key: 'contact', label: 'Contact by', type: 'single_choice', required: false, options: ['phone', 'email'] },
  { key: 'dob', label: 'Date of birth', type: 'date', required: false },
  { key: 'sign', label: 'Signature', type: 'signature', required: true },
];

describe('checkAnswers', () => {
  it('lets a draft leave required fields empty but not a submission', () => {
    expect(checkAnswers(fields, {}, false)).toEqual({ unknown: [], invalid: [], missing: [] });
    expect(checkAnswers(fields, {}, true).missing).toEqual(['name', 'mood']);
  });
  it('checks each type', () => {
    const result = checkAnswers(
      fields,
      { name: 'Iryna', mood: 11, seen_before: 'yes', topics: ['sleep', 'sleep'], contact: 'fax', dob: '2023-02-30', extra: 'x' },
      true,
    );
    expect(result.unknown).toEqual(['extra']);
    expect(result.invalid.map((i) => i.key)).toEqual(['mood', 'seen_before', 'topics', 'contact', 'dob']);
    expect(checkAnswers(fields, { name: 'Iryna', mood: 7, seen_before: false, topics: ['work'], contact: 'email', dob: '1990-05-17' }, true)).toEqual({
      unknown: [],
      invalid: [],
      missing: [],
    });
  });
});
