import fs from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist1@demo.tend.local';
const clientEmail = 'client1@demo.tend.local';
const stamp = Date.now();
const formTitle = `First-visit questionnaire ${stamp}`;
const caseTitle = `Sleep and worry ${stamp}`;
const desktop = { width: 1280, height: 900 };
let browser: Browser;
let casePath = '';
let formPath = '';
let alertPath = '';

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('the client portal: forms, privacy and SOS', () => {
  it('a specialist builds an intake form and sends it on a new case', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail);
    await page.goto(`${baseUrl}/forms`);
    await page.getByRole('button', { name: 'New form' }).click();
    await page.getByLabel('Form title').fill(formTitle);
    await page.getByLabel('Question', { exact: true }).nth(0).fill('What brings you here?');
    await page.getByLabel('Must be answered').nth(0).check();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question', { exact: true }).nth(1).fill('Have you had therapy before?');
    await page.getByLabel('Answer type').nth(1).selectOption('yes_no');
    await page.getByLabel('Must be answered').nth(1).check();
    await page.getByRole('button', { name: 'Add a question' }).click();
    await page.getByLabel('Question', { exact: true }).nth(2).fill('I consent to treatment');
    await page.getByLabel('Answer type').nth(2).selectOption('signature');
    await visit(page, 'form-builder-en');
    await page.getByRole('button', { name: 'Save the form' }).click();
    await expect.poll(visible(page, formTitle)).toBe(true);
    await visit(page, 'forms-en');

    await page.goto(`${baseUrl}/cases/new`);
    await page.getByLabel(/^Client/).selectOption({ label: `Ірина Бондар (${clientEmail})` });
    await page.getByLabel(/^Title/).fill(caseTitle);
    await page.getByLabel(/^Jurisdiction/).fill('UA');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(page.url()).pathname;
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
    await expect.poll(visible(page, 'Status: Draft → Active')).toBe(true);

    await page.getByLabel('Send a form').selectOption({ label: formTitle });
    await page.getByRole('button', { name: 'Send to the client' }).click();
    await expect.poll(visible(page, 'Not started')).toBe(true);
    await expect.poll(visible(page, `Form sent to the client: ${formTitle}`)).toBe(true);

    // Sent twice by mistake: the specialist withdraws one copy, after a confirmation.
    await page.getByLabel('Send a form').selectOption({ label: formTitle });
    await page.getByRole('button', { name: 'Send to the client' }).click();
    const withdraw = page.getByRole('button', { name: `Withdraw ${formTitle}` });
    await expect.poll(() => withdraw.count()).toBe(2);
    await withdraw.first().click();
    await expect.poll(visible(page, 'Withdraw this form?')).toBe(true);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectAccessible(page, 'case-form-withdraw-en');
    await page.getByRole('dialog').getByRole('button', { name: 'Withdraw' }).click();
    await expect.poll(visible(page, `Form withdrawn: ${formTitle}`)).toBe(true);
    await expect.poll(() => withdraw.count()).toBe(1);
    await visit(page, 'case-forms-en');
    await context.close();
  });

  it('the client fills the form, saves, comes back, then signs and submits it', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, clientEmail);
    await page.getByRole('link', { name: 'My forms' }).first().click();
    await expect.poll(visible(page, formTitle)).toBe(true);
    await visit(page, 'my-forms-en');
    await page.getByRole('link', { name: formTitle }).click();
    await page.waitForURL(/\/forms\/[0-9a-f-]{36}$/);
    formPath = new URL(page.url()).pathname;
    await page.getByLabel(/^What brings you here/).fill('Trouble sleeping, worrying about work.');
    await page.getByRole('button', { name: 'Save and continue later' }).click();
    await expect.poll(visible(page, /^Saved at/)).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel(/^What brings you here/).inputValue()).toBe('Trouble sleeping, worrying about work.');

    // The server refuses an unanswered required question; the message shows on that question.
    await page.getByLabel('Your full name').fill('Ірина Бондар');
    await page.getByRole('button', { name: 'Sign and submit' }).click();
    await expect.poll(visible(page, 'Please answer this question.')).toBe(true);
    await visit(page, 'form-incomplete-en');
    await page.getByRole('radio', { name: 'Yes' }).check();
    await page.getByRole('button', { name: 'Sign and submit' }).click();
    await expect.poll(visible(page, 'Thank you — this form has been submitted to your specialist.')).toBe(true);
    await expect.poll(visible(page, 'Signed by Ірина Бондар')).toBe(true);
    await visit(page, 'form-submitted-en');
    await context.close();
  });

  it('the specialist sees the signed form on the case, and on its timeline', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail);
    await page.goto(`${baseUrl}${casePath}`);
    await expect.poll(visible(page, 'Submitted')).toBe(true);
    // The timeline's line, by the client, leads to the answers in the forms section and opens them.
    const timeline = page.getByRole('region', { name: 'Timeline' });
    await expect.poll(() => timeline.getByText(`Form filled in and signed: ${formTitle}`).isVisible()).toBe(true);
    await expect.poll(() => timeline.getByText('by Ірина Бондар').first().isVisible()).toBe(true);
    await timeline.getByRole('link', { name: 'See the answers' }).click();
    await page.waitForURL(/#form-[0-9a-f-]{36}$/);
    await expect.poll(visible(page, 'Signed by Ірина Бондар')).toBe(true);
    await expect.poll(visible(page, /^Fingerprint \(SHA-256\): [0-9a-f]{64}$/)).toBe(true);
    await visit(page, 'case-signed-form-en');
    await context.close();
  });

  it('the client downloads their data and sees who viewed their record', async () => {
    const context = await newContext(browser, { viewport: desktop, acceptDownloads: true });
    const page = await signIn(context, clientEmail);
    await page.getByRole('link', { name: 'My data and privacy' }).first().click();
    await page.waitForURL(/\/privacy$/);
    await visit(page, 'privacy-en');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /FHIR/ }).click()]);
    const bundle = JSON.parse(await fs.readFile((await download.path()) as string, 'utf8')) as {
      resourceType: string;
      entry: { resource: { resourceType: string } }[];
    };
    expect(bundle.resourceType).toBe('Bundle');
    expect(bundle.entry.some((entry) => entry.resource.resourceType === 'QuestionnaireResponse')).toBe(true);

    await page.getByRole('link', { name: 'Who viewed my record' }).click();
    await page.waitForURL(/\/privacy\/record-access$/);
    await expect.poll(visible(page, /^Андрій Шевченко (viewed|changed)/)).toBe(true);
    await visit(page, 'record-access-en');
    await context.close();
  });

  it('the client writes a safety plan, presses SOS, and the specialist acknowledges the alert', async () => {
    const staff = await newContext(browser, { viewport: desktop });
    const specialist = await signIn(staff, specialistEmail);
    await specialist.goto(`${baseUrl}/notifications`);

    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, clientEmail);
    await page.getByRole('link', { name: 'My safety plan' }).first().click();
    await page.getByRole('button', { name: /^(Write my safety plan|Edit)$/ }).click();
    await page.getByLabel(/^Step 1\./).fill('Not sleeping for two nights\nPulling away from friends');
    await page.getByRole('button', { name: 'Add a contact' }).first().click();
    await page.getByLabel('Name', { exact: true }).first().fill('Olha (sister)');
    await page.getByLabel('Phone', { exact: true }).first().fill('+380 67 123 4567');
    await page.getByLabel(/^The most important thing to me/).fill('My daughter');
    await visit(page, 'safety-plan-edit-en');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect.poll(visible(page, /^Version \d+, saved by Ірина Бондар/)).toBe(true);
    await visit(page, 'safety-plan-en');

    await page.getByRole('link', { name: /^SOS/ }).click();
    await page.waitForURL(/\/crisis$/);
    await expect.poll(visible(page, 'Call 7333')).toBe(true);
    await expect.poll(visible(page, 'Your care team has been alerted')).toBe(true);
    await expect.poll(visible(page, 'Not sleeping for two nights')).toBe(true);
    await visit(page, 'crisis-sos-en');

    await expect.poll(visible(specialist, 'SOS: a client needs help now'), { timeout: 15_000 }).toBe(true);
    await specialist.reload();
    await specialist.getByRole('link', { name: 'Open', exact: true }).first().click();
    await specialist.waitForURL(/\/crisis\/alerts\/[0-9a-f-]{36}$/);
    alertPath = new URL(specialist.url()).pathname;
    await expect.poll(visible(specialist, 'SOS from Ірина Бондар')).toBe(true);
    await specialist.getByLabel('Note for the log').fill('Called the client; safe at home with her sister.');
    await specialist.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(visible(specialist, /^Acknowledged .+/)).toBe(true);
    await expect.poll(visible(specialist, /^Notified · in the app/)).toBe(true);
    await expect.poll(visible(specialist, 'Called the client; safe at home with her sister.')).toBe(true);
    await visit(specialist, 'crisis-alert-en');
    await specialist.goto(`${baseUrl}/crisis/alerts`);
    await specialist.getByText('All', { exact: true }).click();
    await expect.poll(visible(specialist, 'SOS from Ірина Бондар')).toBe(true);
    await visit(specialist, 'crisis-alerts-en');
    await context.close();
    await staff.close();
  });

  it('looks right at 375 px in Ukrainian and English, and in the dark', async () => {
    for (const language of ['uk', 'en'] as const) {
      const context = await newContext(browser, { language, viewport: { width: 375, height: 812 } });
      const page = await signIn(context, clientEmail);
      for (const [path, name] of [
        ['/crisis', 'crisis'],
        ['/safety-plan', 'safety-plan'],
        ['/my-forms', 'my-forms'],
        ['/my-goals', 'my-goals'],
        [formPath, 'form'],
        ['/privacy', 'privacy'],
        ['/privacy/record-access', 'record-access'],
        ['/notifications', 'notifications-client'],
      ] as const) {
        await page.goto(`${baseUrl}${path}`);
        await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
        await visit(page, `${name}-${language}-375`);
      }
      const staff = await newContext(browser, { language, viewport: { width: 375, height: 812 } });
      const specialist = await signIn(staff, specialistEmail);
      for (const [path, name] of [
        [alertPath, 'crisis-alert'],
        [casePath, 'case-forms'],
        ['/notifications', 'notifications-specialist'],
      ] as const) {
        await specialist.goto(`${baseUrl}${path}`);
        await expect.poll(() => specialist.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
        await visit(specialist, `${name}-${language}-375`);
      }
      await context.close();
      await staff.close();
    }
    const dark = await newContext(browser, { language: 'uk', colorScheme: 'dark', viewport: desktop });
    const page = await signIn(dark, clientEmail);
    await page.goto(`${baseUrl}/crisis`);
    await expect.poll(visible(page, 'Дзвонити 7333')).toBe(true);
    await visit(page, 'crisis-uk-dark');
    await page.goto(`${baseUrl}/safety-plan`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await visit(page, 'safety-plan-uk-dark');
    await dark.close();
  });
});
