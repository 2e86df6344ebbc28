import { describe, expect, it } from 'vitest';
import { changeSection, checkDraft, type DraftSection, emptyDraft, moveSection, newDraftSection, suggestKey, type TemplateDraft } from './template-draft';

const section = (patch: Partial<DraftSection>): DraftSection => ({ ...newDraftSection(), label_en: 'Mood', label_uk: 'Настрій', key: 'mood', ...patch });
const draft = (...sections: DraftSection[]): TemplateDraft => ({ name_en: 'Check-in', name_uk: 'Короткий огляд', sections });

describe('suggestKey', () => {
  it('makes a key of the English name', () => {
    expect(suggestKey('Mood today', [])).toBe('mood_today');
    expect(suggestKey('  Sleep (hours/night)  ', [])).toBe('sleep_hours_night');
    expect(suggestKey('Café', [])).toBe('cafe');
  });

  it('starts with a letter and stays within 40 characters', () => {
    expect(suggestKey('2nd goal', [])).toBe('nd_goal');
    expect(suggestKey('a'.repeat(50), [])).toHaveLength(40);
    expect(suggestKey('Настрій', [])).toBe('');
  });

  it('numbers a key another section already has', () => {
    expect(suggestKey('Mood', ['mood'])).toBe('mood_2');
    expect(suggestKey('Mood', ['mood', 'mood_2'])).toBe('mood_3');
    expect(suggestKey('b'.repeat(45), ['b'.repeat(40)])).toBe(`${'b'.repeat(38)}_2`);
  });
});

describe('changeSection', () => {
  it('suggests the key from the English name until the admin types one', () => {
    const start = emptyDraft();
    const id = start.sections[0]?.id ?? '';
    const named = changeSection(start, id, { label_en: 'Sleep quality' });
    expect(named.sections[0]?.key).toBe('sleep_quality');
    const keyed = changeSection(named, id, { key: 'sleep' });
    expect(changeSection(keyed, id, { label_en: 'Sleep' }).sections[0]?.key).toBe('sleep');
    const cleared = changeSection(keyed, id, { key: '' });
    expect(changeSection(cleared, id, { label_en: 'Rest' }).sections[0]?.key).toBe('rest');
  });
});

describe('moveSection', () => {
  it('swaps a section with its neighbour and ignores moves past the ends', () => {
    const [a, b, c] = [section({ key: 'a' }), section({ key: 'b' }), section({ key: 'c' })];
    const start = draft(a, b, c);
    expect(moveSection(start, b.id, -1).sections.map((s) => s.key)).toEqual(['b', 'a', 'c']);
    expect(moveSection(start, b.id, 1).sections.map((s) => s.key)).toEqual(['a', 'c', 'b']);
    expect(moveSection(start, a.id, -1)).toBe(start);
    expect(moveSection(start, c.id, 1)).toBe(start);
  });
});

describe('checkDraft', () => {
  it('gives the body for a valid draft, with only the fields each type uses', () => {
    const result = checkDraft(
      draft(
        section({ key: 'mood', type: 'scale', min: 1, max: 5, options: 'left over', hint_en: '  ', hint_uk: ' 1 — погано ' }),
        section({ key: 'focus', type: 'choice', options: 'Sleep\n\n Work \n' }),
      ),
    );
    expect(result.problems).toBeNull();
    expect(result.body?.sections).toEqual([
      { key: 'mood', label_en: 'Mood', label_uk: 'Настрій', type: 'scale', required: false, min: 1, max: 5, hint_uk: '1 — погано' },
      { key: 'focus', label_en: 'Mood', label_uk: 'Настрій', type: 'choice', required: false, options: ['Sleep', 'Work'] },
    ]);
  });

  it('puts a choice without options beside its options, even while another field has a problem', () => {
    const result = checkDraft({ ...draft(section({ key: 'mood' }), section({ key: 'focus', type: 'choice', label_uk: '' })), name_en: 'C' });
    expect(result.problems).toEqual({
      name_en: { name: 'tooShort', count: 2 },
      'sections.1.label_uk': { name: 'required' },
      'sections.1.options': { name: 'needsOptions' },
    });
  });

  it('names a repeated key, a bad key, scale ends out of order and empty ends', () => {
    const result = checkDraft(
      draft(
        section({ key: 'mood' }),
        section({ key: 'mood' }),
        section({ key: 'Mood!' }),
        section({ key: 'pain', type: 'scale', min: 5, max: 5 }),
        section({ key: 'energy', type: 'scale', min: '', max: 3 }),
      ),
    );
    expect(result.problems).toEqual({
      'sections.1.key': { name: 'keyTaken' },
      'sections.2.key': { name: 'keyRule' },
      'sections.3.max': { name: 'scaleOrder' },
      'sections.4.min': { name: 'wholeNumber' },
    });
  });

  it('asks for what is empty rather than for a length or a pattern', () => {
    expect(checkDraft({ name_en: ' ', name_uk: '', sections: [section({ key: '', label_en: '' })] }).problems).toEqual({
      name_en: { name: 'required' },
      name_uk: { name: 'required' },
      'sections.0.key': { name: 'required' },
      'sections.0.label_en': { name: 'required' },
    });
  });

  it('asks for a section when there is none, and says which option is too long', () => {
    expect(checkDraft(draft()).problems).toEqual({ sections: { name: 'noSections' } });
    expect(checkDraft(draft(section({ type: 'choice', options: `Short\n${'x'.repeat(121)}` }))).problems).toEqual({
      'sections.0.options': { name: 'optionTooLong', count: 120 },
    });
  });
});
