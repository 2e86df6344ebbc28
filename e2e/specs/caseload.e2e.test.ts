import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist1@demo.tend.local';
const clientEmail = 'client1@demo.tend.local';
const caseTitle = `Anxiety, individual therapy ${Date.now()}`;
let browser: Browser;
let casePath = '';
let notePath = '';
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Signs in by field type, so it works whatever the interface language. */

const dialog = (page: Page) => page.getByRole('dialog');

describe('a specialist keeps a case and its notes', () => {
  it('opens a case for a demo client, sets the risk, writes, signs and amends a SOAP note', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, specialistEmail);

    await page.getByRole('link', { name: 'My caseload' }).first().click();
    await page.waitForURL(/\/cases$/);
    await visit(page, 'caseload-en');
    await page.getByRole('link', { name: 'New case' }).click();
    await page.getByLabel(/^Client/).selectOption({ label: `Ірина Бондар (${clientEmail})` });
    await page.getByLabel(/^Title/).fill(caseTitle);
    await page.getByLabel(/^Jurisdiction/).fill('Ukraine');
    await page.getByRole('button', { name: 'Open case' }).click();
    // The server's validation message shows on the field it is about.
    await expect.poll(visible(page, 'Use a country code such as UA, DE or US-NY')).toBe(true);
    await visit(page, 'case-new-invalid-en');
    await page.getByLabel(/^Jurisdiction/).fill('UA');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(page.url()).pathname;

    await page.getByRole('button', { name: 'Activate' }).click();
    await dialog(page).getByRole('button', { name: 'Activate' }).click();
    await expect.poll(visible(page, 'Status: Draft → Active')).toBe(true);
    await page.getByRole('button', { name: 'Set risk' }).click();
    await dialog(page).getByLabel('Risk level').selectOption('high');
    await dialog(page).getByLabel('Note').fill('Reports passive thoughts of death; safety plan agreed.');
    await dialog(page).getByRole('button', { name: 'Save risk level' }).click();
    await expect.poll(visible(page, 'Risk: low → high')).toBe(true);
    await expect.poll(visible(page, 'Risk: high')).toBe(true);
    await visit(page, 'case-en');

    await page.getByRole('button', { name: 'New note' }).click();
    await dialog(page).getByLabel('Template').selectOption('soap');
    await dialog(page).getByRole('button', { name: 'Start note' }).click();
    await page.waitForURL(/\/notes\/[0-9a-f-]{36}$/);
    notePath = new URL(page.url()).pathname;
    await page.getByLabel(/^Subjective/).fill('Sleeping poorly; worried about work.');
    await expect.poll(visible(page, /^Saved at/), { timeout: 10_000 }).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel(/^Subjective/).inputValue()).toBe('Sleeping poorly; worried about work.');

    // Signing an incomplete note names the empty sections.
    await page.getByLabel(/^Subjective/).focus();
    await page.keyboard.press('Control+Enter');
    await dialog(page).getByRole('button', { name: 'Sign' }).click();
    await expect.poll(visible(page, 'Fill in: Objective, Assessment, Plan.')).toBe(true);
    await visit(page, 'note-incomplete-en');

    await page.getByLabel(/^Objective/).fill('Tense posture, good eye contact. GAD-7: 14.');
    await page.getByLabel(/^Assessment/).fill('Moderate anxiety; risk reviewed, high.');
    await page.getByLabel(/^Plan/).fill('Weekly sessions; breathing exercise daily.');
    await page.keyboard.press('Control+S');
    await expect.poll(visible(page, /^Saved at/), { timeout: 10_000 }).toBe(true);
    await page.keyboard.press('Control+Enter');
    await dialog(page).getByRole('button', { name: 'Sign' }).click();
    await expect.poll(visible(page, /^Signed by Андрій Шевченко/)).toBe(true);
    await visit(page, 'note-signed-en');

    await page.getByRole('button', { name: 'Amend' }).click();
    await page.getByLabel(/^Reason for the amendment/).fill('Added the homework agreed at the end of the session.');
    await page.getByLabel(/^Plan/).fill('Weekly sessions; breathing exercise daily; sleep diary.');
    await page.getByLabel(/^Plan/).focus();
    await page.keyboard.press('Control+Enter');
    await dialog(page).getByRole('button', { name: 'Sign amendment' }).click();
    await expect.poll(visible(page, 'Version 2: amendment')).toBe(true);
    await expect.poll(visible(page, 'Version 1: signed')).toBe(true);
    await expect.poll(visible(page, 'Reason: Added the homework agreed at the end of the session.')).toBe(true);
    await visit(page, 'note-amended-en');

    await page.goto(`${baseUrl}${casePath}`);
    await expect.poll(visible(page, 'SOAP note')).toBe(true);
    await page.getByLabel(/^New private note/).fill('Countertransference: I felt rushed; bring to supervision.');
    await page.getByRole('button', { name: 'Save private note' }).click();
    await expect.poll(visible(page, 'Countertransference: I felt rushed; bring to supervision.')).toBe(true);
    await visit(page, 'case-timeline-en');

    // The new case has had no session yet: it is under "No session yet", not under the past week.
    await page.getByRole('link', { name: 'My caseload' }).first().click();
    await page.getByLabel('Last session').selectOption({ label: 'No session yet' });
    await page.waitForURL(/last_session=never/);
    await expect.poll(visible(page, caseTitle)).toBe(true);
    await page.getByLabel('Last session').selectOption({ label: 'In the past 7 days' });
    await page.waitForURL(/last_session=past_week/);
    await expect.poll(visible(page, caseTitle)).toBe(false);
    await visit(page, 'caseload-filtered-en');
    await context.close();
  });

  it('looks right at 375 px, in Ukrainian and English, light and dark', async () => {
    for (const language of ['uk', 'en'] as const) {
      const context = await newContext(browser, { language, viewport: { width: 375, height: 812 } });
      const page = await signIn(context, specialistEmail);
      await page.goto(`${baseUrl}/cases`);
      await expect.poll(visible(page, caseTitle)).toBe(true);
      await visit(page, `caseload-${language}-375`);
      await page.goto(`${baseUrl}${casePath}`);
      await expect.poll(visible(page, caseTitle)).toBe(true);
      await visit(page, `case-${language}-375`);
      await page.goto(`${baseUrl}${notePath}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
      await visit(page, `note-${language}-375`);
      await context.close();
    }
    const dark = await newContext(browser, { language: 'uk', colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
    const page = await signIn(dark, specialistEmail);
    await page.goto(`${baseUrl}${casePath}`);
    await expect.poll(visible(page, caseTitle)).toBe(true);
    await visit(page, 'case-uk-dark');
    await dark.close();
  });

  it('shows the client their case in My care, and never its notes', async () => {
    const context = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, clientEmail);
    await page.getByRole('link', { name: 'My care' }).first().click();
    await page.waitForURL(/\/my-care$/);
    await expect.poll(visible(page, caseTitle)).toBe(true);
    await expect.poll(visible(page, 'Specialist: Андрій Шевченко')).toBe(true);
    expect(await page.getByText(/note|risk/i).count()).toBe(0);
    await visit(page, 'my-care-en');

    const caseId = casePath.split('/').pop();
    const notes = await page.evaluate(async (id) => (await fetch(`/api/v1/cases/${id}/notes`, { credentials: 'include' })).status, caseId);
    expect(notes).toBe(403);
    await page.goto(`${baseUrl}${casePath}`);
    await page.waitForURL(/\/client$/);
    await context.close();
  });
});
