import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, newContext, snapshot } from '../browser';
import { shows, signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist2@demo.tend.local';
const specialistName = 'Maria Lysenko';
const coSpecialistEmail = 'specialist1@demo.tend.local';
const coSpecialistName = 'Андрій Шевченко';
const clientEmail = 'client3@demo.tend.local';
const clientName = 'Оксана Ткаченко';
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
let browser: Browser;
let casePath = '';

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** The row of one consent on the client's page, found by its kind's name. */
const row = (page: Page, title: string | RegExp) => page.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });

/** Waits until no dialog is on the page or fading out. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

/** Clients who share data with the signed-in specialist now, read through the API. */
function sharedWithMe(page: Page): Promise<{ client: { name: string }; scope: string[] }[]> {
  return page.evaluate(async () => (await (await fetch('/api/v1/consent/shared-with-me', { credentials: 'include' })).json()).data);
}

describe('a client’s consents: who may see what', () => {
  it('the specialist opens a case for the client, under Ukrainian law', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail);
    await page.goto(`${baseUrl}/cases/new`);
    await page.getByLabel(/^Client/).selectOption({ label: `${clientName} (${clientEmail})` });
    await page.getByLabel(/^Title/).fill(`Consents ${Date.now()}`);
    await page.getByLabel(/^Jurisdiction/).fill('UA');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(page.url()).pathname;
    await context.close();
  });

  it('the client reads the treatment text and signs it with their typed name; a name too short is refused and nothing is given', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, clientEmail);
    await page.goto(`${baseUrl}/privacy`);
    await page.getByRole('link', { name: 'Who may see what: my consents' }).click();
    await page.waitForURL(/\/my-consents$/);
    await shows(page, 'What I have agreed to');
    await expect.poll(() => page.getByLabel('Consent texts for').inputValue()).toBe('UA');
    await expect.poll(() => row(page, 'Treatment').getByText('Not given').isVisible()).toBe(true);
    await visit(page, 'consents-empty-en');

    await page.getByRole('button', { name: 'Read and agree: Treatment' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('region', { name: /The text you agree to/ }).isVisible()).toBe(true);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectAccessible(page, 'consent-sign-en');
    await snapshot(page, 'consent-sign-en');
    // One letter is not a signature: the server says so beside the form, and nothing is recorded.
    await dialog.getByLabel(/^Type your full name to sign/).fill('O');
    await dialog.evaluate((node) => node.querySelector('form')?.setAttribute('novalidate', ''));
    await dialog.getByRole('button', { name: 'Sign and agree' }).click();
    await expect.poll(() => dialog.getByRole('alert').isVisible()).toBe(true);
    await dialog.getByLabel(/^Type your full name to sign/).fill(clientName);
    await dialog.getByRole('button', { name: 'Sign and agree' }).click();
    await settled(page);
    await expect.poll(() => row(page, 'Treatment').getByText('Given', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Given: Treatment').isVisible()).toBe(true);
    await context.close();
  });

  it('the client shares their mood and journal with the specialist for 90 days; the specialist sees it on the case page and through the API', async () => {
    const mine = await newContext(browser, { viewport: desktop });
    const client = await signIn(mine, clientEmail);
    await client.goto(`${baseUrl}/my-consents`);
    await shows(client, 'You share nothing with anyone now.');
    await client.getByRole('button', { name: 'Share with a specialist' }).click();
    const dialog = client.getByRole('dialog');
    await dialog.getByLabel(/^Specialist/).selectOption({ label: specialistName });
    await dialog.getByRole('checkbox', { name: 'Mood' }).check();
    await dialog.getByRole('checkbox', { name: 'Journal' }).check();
    await expect.poll(() => dialog.getByLabel(/^For how many days/).inputValue()).toBe('90');
    await dialog.getByLabel(/^Type your full name to sign/).fill(clientName);
    await dialog.getByRole('button', { name: 'Sign and agree' }).click();
    await settled(client);
    const share = row(client, `${specialistName} sees: Mood, Journal`);
    await expect.poll(() => share.getByText(/^on .*, until /).isVisible()).toBe(true);
    await visit(client, 'consents-sharing-en');

    const staff = await newContext(browser, { viewport: desktop });
    const specialist = await signIn(staff, specialistEmail);
    await specialist.goto(`${baseUrl}${casePath}`);
    const section = specialist.getByRole('region', { name: 'Client’s consents' });
    await expect.poll(() => section.getByText(`Shares with ${specialistName}: Mood, Journal`).isVisible()).toBe(true);
    expect((await sharedWithMe(specialist)).find((entry) => entry.client.name === clientName)?.scope).toEqual(['mood', 'journal']);

    // Stopping takes effect at once: the specialist's next read no longer has the client.
    await share.getByRole('button', { name: `Stop sharing with ${specialistName}` }).click();
    await client.getByRole('dialog').getByRole('button', { name: 'Withdraw consent' }).click();
    await settled(client);
    await shows(client, 'You share nothing with anyone now.');
    await expect.poll(() => client.getByText('Withdrawn: Sharing my data with a specialist').isVisible()).toBe(true);
    expect((await sharedWithMe(specialist)).some((entry) => entry.client.name === clientName)).toBe(false);

    // The specialist's look at the client's consents is on the client's "who viewed my record".
    await client.goto(`${baseUrl}/privacy/record-access`);
    await shows(client, `${specialistName} viewed: your consents`);
    await mine.close();
    await staff.close();
  });

  it('the client sees a co-specialist join their care team and shares their mood with them', async () => {
    const staff = await newContext(browser, { viewport: desktop });
    const lead = await signIn(staff, specialistEmail);
    await lead.goto(`${baseUrl}${casePath}`);
    const team = lead.getByRole('region', { name: 'Care team' });
    await team.getByRole('button', { name: 'Give access' }).click();
    const grant = lead.getByRole('dialog');
    await grant.getByLabel(/^Access as/).selectOption('co_specialist');
    await grant.getByLabel(/^Person/).selectOption({ label: coSpecialistName });
    await grant.getByRole('button', { name: 'Give access' }).click();
    await settled(lead);
    await expect.poll(() => team.getByText(coSpecialistName).isVisible()).toBe(true);

    const mine = await newContext(browser, { viewport: desktop });
    const client = await signIn(mine, clientEmail);
    await client.goto(`${baseUrl}/my-care`);
    await shows(client, `Also on your care team: ${coSpecialistName} (Co-specialist)`);
    await visit(client, 'my-care-team-en');

    await client.goto(`${baseUrl}/my-consents`);
    await client.getByRole('button', { name: 'Share with a specialist' }).click();
    const dialog = client.getByRole('dialog');
    await dialog.getByLabel(/^Specialist/).selectOption({ label: `${coSpecialistName} · Co-specialist` });
    await dialog.getByRole('checkbox', { name: 'Mood' }).check();
    await dialog.getByLabel(/^Type your full name to sign/).fill(clientName);
    await dialog.getByRole('button', { name: 'Sign and agree' }).click();
    await settled(client);
    await expect.poll(() => row(client, `${coSpecialistName} sees: Mood`).isVisible()).toBe(true);

    const coContext = await newContext(browser, { viewport: desktop });
    const co = await signIn(coContext, coSpecialistEmail);
    expect((await sharedWithMe(co)).find((entry) => entry.client.name === clientName)?.scope).toEqual(['mood']);
    await staff.close();
    await mine.close();
    await coContext.close();
  });

  it('is accessible in Ukrainian and usable at 375 px, in the light and the dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await newContext(browser, { viewport: phone, language: 'uk', colorScheme });
      const page = await signIn(context, clientEmail);
      await page.goto(`${baseUrl}/my-consents`);
      await shows(page, 'Згоди, які я надаю');
      await expect.poll(visible(page, 'Відкликано: Доступ фахівця до моїх даних')).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await visit(page, `consents-uk-375-${colorScheme}`);
      if (colorScheme === 'light') {
        await page.goto(`${baseUrl}/my-care`);
        await shows(page, `Також у вашій команді допомоги: ${coSpecialistName} (Співспеціаліст)`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await visit(page, 'my-care-team-uk-375');
        await page.goto(`${baseUrl}/my-consents`);
        await shows(page, 'Згоди, які я надаю');
      }
      await page.getByRole('button', { name: 'Прочитати й погодитися: Сесії по відео' }).click();
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      await expectAccessible(page, `consent-sign-uk-375-${colorScheme}`);
      await context.close();
    }
  });
});
