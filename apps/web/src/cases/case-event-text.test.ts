import { type CaseEvent, caseEventKinds } from '@tend/contracts';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import clinicalEn from '../i18n/clinical.en.json';
import clinicalUk from '../i18n/clinical.uk.json';
import en from '../i18n/en.json';
import uk from '../i18n/uk.json';
import { caseEventText } from './case-event-text';

// The real message files, in an i18next instance of the test's own (the app's instance needs a browser document).
const translator = async (lng: 'en' | 'uk') => {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { en: { translation: { ...en, ...clinicalEn } }, uk: { translation: { ...uk, ...clinicalUk } } },
    interpolation: { escapeValue: false },
    showSupportNotice: false,
  });
  return instance.t;
};

const event = (kind: CaseEvent['kind'], data: CaseEvent['data'] = {}): CaseEvent => ({
  id: '0190d1a2-0000-7000-8000-000000000001',
  kind,
  at: '2026-11-30T09:00:00.000Z',
  actor: null,
  data,
  note: null,
});
const nobody = () => null;
const assignmentId = '0190d1a2-0000-7000-8000-0000000000aa';
const formTitle = (id: string | null | undefined) => (id === assignmentId ? 'Intake questionnaire' : null);

describe('caseEventText', () => {
  it('names a sent, filled in (signed or not) and withdrawn form by its title when the case’s forms list has it', async () => {
    const t = await translator('en');
    const line = (kind: CaseEvent['kind'], data: CaseEvent['data'] = {}) =>
      caseEventText(event(kind, { assignment_id: assignmentId, ...data }), t, nobody, { formTitle });
    expect(line('form_sent')).toBe('Form sent to the client: Intake questionnaire');
    expect(line('form_submitted', { signed: 'true' })).toBe('Form filled in and signed: Intake questionnaire');
    expect(line('form_submitted', { signed: 'false' })).toBe('Form filled in: Intake questionnaire');
    expect(line('form_cancelled')).toBe('Form withdrawn: Intake questionnaire');
  });

  it('says it in Ukrainian, and without a title for readers who may not see the case’s forms', async () => {
    const t = await translator('uk');
    expect(caseEventText(event('form_submitted', { assignment_id: assignmentId, signed: 'true' }), t, nobody, { formTitle })).toBe(
      'Форму заповнено й підписано: Intake questionnaire',
    );
    expect(caseEventText(event('form_sent', { assignment_id: assignmentId }), t, nobody)).toBe('Клієнтові надіслано форму');
    expect(caseEventText(event('form_cancelled', { assignment_id: assignmentId }), t, nobody)).toBe('Форму відкликано');
  });

  it('has words for every kind of event in both languages', async () => {
    const data = { from: 'active', to: 'paused', role: 'supervisor', version: '2', goals: '3', progress: '40', due_date: '2026-12-01' };
    for (const lng of ['en', 'uk'] as const) {
      const t = await translator(lng);
      for (const kind of caseEventKinds) {
        const text = caseEventText(event(kind, kind === 'risk_changed' ? { ...data, from: 'low', to: 'high' } : data), t, nobody);
        expect(text, `${lng} ${kind}`).not.toMatch(/cases\.|roles\.|\{\{/);
      }
    }
  });
});
