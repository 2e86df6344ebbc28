import { describe, expect, it } from 'vitest';
import { type NoteSection, sectionProblem } from './notes';

const section = (type: NoteSection['type'], extra: Partial<NoteSection> = {}): NoteSection => ({
  key: 'k',
  label_en: 'K',
  label_uk: 'K',
  type,
  required: false,
  ...extra,
});

describe('sectionProblem', () => {
  it('lets any empty section be, whatever its type', () => {
    for (const type of ['text', 'long_text', 'number', 'scale', 'choice'] as const) expect(sectionProblem(section(type), '  ')).toBeNull();
  });

  it('takes a number with a point or a comma, and nothing else', () => {
    expect(sectionProblem(section('number'), '7.5')).toBeNull();
    expect(sectionProblem(section('number'), '7,5')).toBeNull();
    expect(sectionProblem(section('number'), '-2')).toBeNull();
    expect(sectionProblem(section('number'), 'seven')).toBe('Enter a number');
  });

  it('takes a whole point between a scale’s ends, 0 to 10 unless the template says otherwise', () => {
    expect(sectionProblem(section('scale'), '0')).toBeNull();
    expect(sectionProblem(section('scale'), '10')).toBeNull();
    expect(sectionProblem(section('scale'), '11')).toMatch(/from 0 to 10/);
    expect(sectionProblem(section('scale', { min: 1, max: 5 }), '0')).toMatch(/from 1 to 5/);
    expect(sectionProblem(section('scale'), '2.5')).not.toBeNull();
  });

  it('takes only one of a choice’s options, and one line for a short answer', () => {
    expect(sectionProblem(section('choice', { options: ['Video', 'In person'] }), 'Video')).toBeNull();
    expect(sectionProblem(section('choice', { options: ['Video'] }), 'Phone')).toBe('Choose one of the options');
    expect(sectionProblem(section('text'), 'one line')).toBeNull();
    expect(sectionProblem(section('text'), 'two\nlines')).not.toBeNull();
    expect(sectionProblem(section('long_text'), 'two\nlines')).toBeNull();
  });
});
