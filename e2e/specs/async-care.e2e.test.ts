import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { signIn, visit } from '../flows';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Calls the API from the signed-in page, with its CSRF cookie, for set-up the interface does not need to show. */
const api = (page: Page, method: string, url: string, body?: unknown) =>
  page.evaluate(
    async ([m, u, b]) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('tend_csrf='))
          ?.slice('tend_csrf='.length) ?? '';
      const res = await fetch(u as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return res.json();
    },
    [method, url, body] as const,
  );

describe('asynchronous therapy', () => {
  it("the specialist marks a case messaging-only on its page; the client's message then waits on the specialist's home with time left; the org admin sees the figures and sets the target", async () => {
    const staff = await newContext(browser, { viewport: { width: 1280, height: 900 } });
    const specialist = await signIn(staff, 'specialist2@demo.tend.local');
    const members = await api(specialist, 'GET', '/api/v1/me');
    const orgId = members.data.active_org_id as string;
    const people = (await api(specialist, 'GET', `/api/v1/orgs/${orgId}/members`)).data as { user_id: string; email: string }[];
    const client = people.find((p) => p.email === 'client3@demo.tend.local');
    const opened = await api(specialist, 'POST', '/api/v1/cases', { client_user_id: client?.user_id, title: 'Written therapy', jurisdiction: 'UA' });
    const caseId = opened.data.id as string;
    // The specialist marks the case messaging-only on its page and gives it its own target, by keyboard.
    await specialist.goto(`${baseUrl}/cases/${caseId}`);
    const settings = specialist.getByRole('region', { name: 'Written therapy', exact: true });
    await expect.poll(() => settings.getByText(/Leave empty to use the practice's target of \d+ h/).isVisible()).toBe(true);
    await expect.poll(() => settings.getByText('Not written therapy: this chat has no reply target.').isVisible()).toBe(true);
    const messagingOnly = settings.getByRole('checkbox', { name: /^Messaging-only care/ });
    await messagingOnly.focus();
    await specialist.keyboard.press('Space');
    await expect.poll(() => messagingOnly.isChecked()).toBe(true);
    await settings.getByLabel(/^Reply target for this case/).fill('12');
    await expect.poll(() => settings.getByText("Replies are due within 12 h of the client's message.").isVisible()).toBe(true);
    await settings.getByRole('button', { name: 'Save' }).press('Enter');
    await expect.poll(() => settings.getByRole('status').textContent()).toBe('Saved: messaging-only care, replies due within 12 h.');
    await settings.scrollIntoViewIfNeeded();
    await visit(specialist, 'async-case-settings-en');
    await specialist.setViewportSize({ width: 375, height: 812 });
    await visit(specialist, 'async-case-settings-375');
    await specialist.setViewportSize({ width: 1280, height: 900 });
    expect((await api(specialist, 'GET', `/api/v1/cases/${caseId}/response-target`)).data).toMatchObject({ messaging_only: true, target_hours: 12 });

    const mine = await newContext(browser, { viewport: { width: 375, height: 812 } });
    const clientPage = await signIn(mine, 'client3@demo.tend.local');
    await clientPage.goto(`${baseUrl}/messages?case=${caseId}`);
    const box = clientPage.getByLabel('Your message');
    await box.fill('This week was hard. Can we write about the panic at work?');
    await box.press('Enter');
    await expect.poll(() => box.inputValue()).toBe('');
    await mine.close();

    await specialist.goto(`${baseUrl}/specialist`);
    const panel = specialist.getByRole('region', { name: 'Waiting for your reply' });
    await expect.poll(() => panel.getByRole('link', { name: 'Оксана Ткаченко' }).isVisible(), { timeout: 5000 }).toBe(true);
    await expect.poll(() => panel.getByText(/^1[12] h \d+ min left$/).isVisible()).toBe(true);
    await expect.poll(() => panel.getByText(/target 12 h/).isVisible()).toBe(true);
    await visit(specialist, 'async-waiting-en');
    await specialist.setViewportSize({ width: 375, height: 812 });
    await visit(specialist, 'async-waiting-375');
    await staff.close();

    const adminContext = await newContext(browser, { language: 'uk', viewport: { width: 375, height: 812 } });
    const admin = await signIn(adminContext, 'admin@demo.tend.local');
    await admin.goto(`${baseUrl}/org`);
    const figures = admin.getByRole('region', { name: 'Час відповіді в письмовій терапії' });
    await expect.poll(() => figures.getByText('Медіана першої відповіді').first().isVisible(), { timeout: 5000 }).toBe(true);
    await visit(admin, 'async-figures-uk-375');
    await figures.getByLabel(/Ціль відповіді/).fill('12');
    await figures.getByRole('button', { name: 'Зберегти ціль' }).click();
    await expect.poll(() => figures.getByText(/відповідь протягом 12 год/).isVisible()).toBe(true);
    await adminContext.close();
  });
});
