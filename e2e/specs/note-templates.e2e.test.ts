import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { shows, signIn, visible, visit } from '../flows';
import { api, login } from '../practice';

const baseUrl = inject('baseUrl');
const adminEmail = 'admin@demo.tend.local';
const specialistEmail = 'specialist1@demo.tend.local';
const stamp = Date.now();
const nameEn = `Brief check-in ${stamp}`;
const nameUk = `Короткий огляд ${stamp}`;
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
let browser: Browser;
let caseId = '';

beforeAll(async () => {
  browser = await launch();
  const specialist = await login(specialistEmail);
  const client = await login('client1@demo.tend.local');
  const opened = await api<{ id: string }>('POST', '/api/v1/cases', specialist.access_token, {
    client_user_id: client.user.id,
    title: `Check-ins ${stamp}`,
    jurisdiction: 'UA',
  });
  caseId = opened.id;
  await api('POST', `/api/v1/cases/${caseId}/status`, specialist.access_token, { to: 'active' });
});
afterAll(() => browser?.close());

/** A section of the template being made, by its place: its legend reads "Section 2" or "Section 2: Focus". */
const section = (page: Page, number: number) => page.getByRole('group', { name: new RegExp(`^Section ${number}(:|$)`) });

/** The options of a select, as shown. */
const optionsOf = (page: Page, label: RegExp) => page.getByLabel(label).locator('option').allTextContents();

describe('an org admin builds a note template that specialists then write in', () => {
  it('makes a template with a scale and a choice, after fixing a choice without options', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, adminEmail);
    await page.getByRole('link', { name: 'Note templates' }).first().click();
    await page.waitForURL(/\/org\/note-templates$/);
    await shows(page, 'A saved template cannot be changed');
    await shows(page, 'SOAP');
    await visit(page, 'note-templates-en');

    await page.getByLabel(/^Name in English/).fill(nameEn);
    await page.getByLabel(/^Name in Ukrainian/).fill(nameUk);
    const mood = section(page, 1);
    await mood.getByLabel(/^Section name in English/).fill('Mood today');
    await mood.getByLabel(/^Section name in Ukrainian/).fill('Настрій сьогодні');
    // The key follows the English name until the admin types one.
    expect(await mood.getByLabel(/^Key/).inputValue()).toBe('mood_today');
    await mood.getByLabel(/^Kind of answer/).selectOption('scale');
    await mood.getByLabel(/^Lowest point/).fill('1');
    await mood.getByLabel(/^Highest point/).fill('5');
    await mood.getByRole('switch', { name: 'Must be filled in before the note is signed' }).check();

    await page.getByRole('button', { name: 'Add a section' }).click();
    // The new section's first field has the focus, ready to type.
    expect(await page.evaluate(() => document.activeElement?.closest('fieldset')?.querySelector('legend')?.textContent)).toBe('Section 2');
    await page.keyboard.type('Plan');
    await section(page, 2)
      .getByLabel(/^Section name in Ukrainian/)
      .fill('План');

    await page.getByRole('button', { name: 'Add a section' }).click();
    const focus = section(page, 3);
    await focus.getByLabel(/^Section name in English/).fill('Focus of the session');
    await focus.getByLabel(/^Section name in Ukrainian/).fill('Фокус сесії');
    await focus.getByLabel(/^Kind of answer/).selectOption('choice');

    // Moved up from the keyboard, the choice comes before the plan.
    await page.getByRole('button', { name: 'Move up: Section 3: Focus of the session' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => section(page, 2).getByLabel(/^Key/).inputValue()).toBe('focus_of_the_session');
    expect(await section(page, 3).getByLabel(/^Key/).inputValue()).toBe('plan');

    // Saved without options, the choice is refused beside its options box, and nothing typed is lost.
    await page.getByRole('button', { name: 'Save template' }).click();
    const options = section(page, 2).getByLabel(/^Options/);
    await expect.poll(() => section(page, 2).getByText('A choice needs options. Write them one per line.').isVisible()).toBe(true);
    await expect.poll(() => options.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(await page.getByLabel(/^Name in English/).inputValue()).toBe(nameEn);
    expect(
      await section(page, 1)
        .getByLabel(/^Highest point/)
        .inputValue(),
    ).toBe('5');
    await visit(page, 'note-templates-invalid-en');

    await options.fill('Sleep\nWork\nRelationships');
    await expect.poll(visible(page, 'A choice needs options. Write them one per line.')).toBe(false);
    await page.getByRole('button', { name: 'Save template' }).click();
    await shows(page, `“${nameEn}” is saved.`, 15_000);
    await expect.poll(() => page.getByRole('heading', { name: nameEn, level: 3 }).isVisible()).toBe(true);
    await shows(page, 'Scale from 1 to 5 · required · key mood_today');
    await shows(page, 'Options: Sleep, Work, Relationships');
    // The form starts again, empty.
    expect(await page.getByLabel(/^Name in English/).inputValue()).toBe('');
    // The toast is let go before axe and the screenshot, so neither catches it fading.
    await expect.poll(visible(page, `“${nameEn}” is saved.`), { timeout: 15_000 }).toBe(false);
    await visit(page, 'note-templates-saved-en');
    await context.close();
  });

  it('lets a specialist start a note with it: a scale and a choice to pick from', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail);
    await page.goto(`${baseUrl}/cases/${caseId}`);
    await page.getByRole('button', { name: 'New note' }).click();
    await page.getByRole('dialog').getByLabel('Template').selectOption({ label: nameEn });
    await page.getByRole('dialog').getByRole('button', { name: 'Start note' }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await expect.poll(() => optionsOf(page, /^Mood today/)).toEqual(['', '1', '2', '3', '4', '5']);
    expect(await optionsOf(page, /^Focus of the session/)).toEqual(['', 'Sleep', 'Work', 'Relationships']);
    await page.getByLabel(/^Mood today/).selectOption('4');
    await page.getByLabel(/^Focus of the session/).selectOption('Sleep');
    await page.getByLabel(/^Plan/).fill('Keep a sleep diary for a week.');
    await shows(page, /^Saved at/);
    await visit(page, 'note-templates-note-en');
    await context.close();
  });

  it('reads well in Ukrainian at 375 px and in the dark', async () => {
    const context = await newContext(browser, { language: 'uk', viewport: phone });
    const admin = await signIn(context, adminEmail);
    await admin.goto(`${baseUrl}/org/note-templates`);
    await expect.poll(() => admin.getByRole('heading', { name: nameUk, level: 3 }).isVisible()).toBe(true);
    await visit(admin, 'note-templates-uk-375');
    // An empty form says what each field needs, in Ukrainian, with a scale's ends and a choice's options laid out for a phone.
    await admin.getByLabel(/^Тип відповіді/).selectOption('scale');
    await admin.getByRole('button', { name: 'Додати розділ' }).click();
    await admin
      .getByLabel(/^Тип відповіді/)
      .nth(1)
      .selectOption('choice');
    await admin.getByRole('button', { name: 'Зберегти шаблон' }).click();
    await shows(admin, 'Для вибору потрібні варіанти. Напишіть їх по одному в рядку.');
    await shows(admin, 'Деякі поля потрібно виправити — підказки поруч із ними.');
    await visit(admin, 'note-templates-invalid-uk-375');
    await context.close();

    const specialistContext = await newContext(browser, { language: 'uk', viewport: phone });
    const specialist = await signIn(specialistContext, specialistEmail);
    await specialist.goto(`${baseUrl}/cases/${caseId}`);
    await specialist.getByRole('button', { name: 'Нова нотатка' }).click();
    await specialist.getByRole('dialog').getByLabel('Шаблон').selectOption({ label: nameUk });
    await specialist.getByRole('dialog').getByRole('button', { name: 'Почати нотатку' }).click();
    await specialist.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    await expect.poll(() => optionsOf(specialist, /^Настрій сьогодні/)).toEqual(['', '1', '2', '3', '4', '5']);
    // The note is titled with the template's Ukrainian name (it keeps the English one it was written under).
    await expect.poll(() => specialist.getByRole('heading', { level: 1, name: new RegExp(nameUk) }).isVisible()).toBe(true);
    await visit(specialist, 'note-templates-note-uk-375');
    await specialistContext.close();

    const dark = await newContext(browser, { colorScheme: 'dark', viewport: desktop });
    const page = await signIn(dark, adminEmail);
    await page.goto(`${baseUrl}/org/note-templates`);
    await expect.poll(() => page.getByRole('heading', { name: nameEn, level: 3 }).isVisible()).toBe(true);
    await visit(page, 'note-templates-en-dark');
    await dark.close();
  });
});
