import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { signIn, visit } from '../flows';
import { api, type Auth, login } from '../practice';

const baseUrl = inject('baseUrl');
const stamp = Date.now();
const clientEmail = `erase-me-${stamp}@example.test`;
const clientPassword = 'a long and quiet river';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('the practice reviews an erasure request', () => {
  it('a new client with a Ukrainian case asks for erasure; the org admin keeps the clinical record by law and erases the rest', async () => {
    const admin = await login('admin@demo.tend.local');
    const orgId = admin.user.active_org_id as string;
    await api('POST', `/api/v1/orgs/${orgId}/invitations`, admin.access_token, { email: clientEmail, role: 'client' });
    const platform = await login('platform@demo.tend.local');
    let token = '';
    await expect
      .poll(
        async () => {
          const mails = await api<{ to: string; text: string }[]>('GET', '/api/v1/admin/mail?per_page=50', platform.access_token);
          token = /token=([A-Za-z0-9_-]+)/.exec(mails.find((m) => m.to === clientEmail)?.text ?? '')?.[1] ?? '';
          return token;
        },
        { timeout: 15_000 },
      )
      .not.toBe('');
    const client = await api<Auth>('POST', '/api/v1/invitations/accept', null, { token, name: 'Olena Erase', password: clientPassword });
    const specialist = await login('specialist1@demo.tend.local');
    await api('POST', '/api/v1/cases', specialist.access_token, { client_user_id: client.user.id, title: `Short course ${stamp}`, jurisdiction: 'UA' });
    await api('POST', '/api/v1/privacy/erasure-requests', client.access_token, { reason: 'I moved away and want my data gone' });

    const context = await newContext(browser, { locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await signIn(context, 'admin@demo.tend.local');
    await page.goto(`${baseUrl}/org/erasure-requests`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Olena Erase' }) });
    await card.waitFor();
    await expect.poll(() => card.getByText('I moved away and want my data gone').isVisible()).toBe(true);
    await visit(page, 'erasure-review-en');

    // The same open request, in Ukrainian on a phone, in the dark.
    const ukContext = await newContext(browser, { language: 'uk', colorScheme: 'dark', viewport: { width: 375, height: 800 } });
    const uk = await signIn(ukContext, 'admin@demo.tend.local');
    await uk.goto(`${baseUrl}/org/erasure-requests`);
    await expect.poll(() => uk.getByRole('heading', { name: 'Запити на видалення', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => uk.getByLabel('Зберігати до').first().isVisible()).toBe(true);
    await visit(uk, 'erasure-review-uk-dark-375');
    await ukContext.close();

    // Erasure shreds the client's name, so follow the card by its id, not by the name.
    const headingId = await card.getByRole('heading').getAttribute('id');
    const request = page.locator(`li[aria-labelledby="${headingId}"]`);

    const keep = card.getByLabel(/Keep the clinical record/);
    await expect.poll(() => keep.isChecked()).toBe(true);
    await card.getByLabel('Why it must be kept').first().fill('Medical records must be kept after the last visit');
    await card
      .getByLabel('Keep until')
      .first()
      .fill(`${new Date().getFullYear() + 5}-06-30`);
    await card.getByLabel('Note to the client').fill('Your data is erased; the clinical record is kept as the law requires, then deleted.');
    await visit(page, 'erasure-review-filled-en');
    await card.getByRole('button', { name: 'Erase now' }).click();
    await expect.poll(() => request.getByText(/clinical record kept until/).isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => request.getByRole('button', { name: 'Erase now' }).count()).toBe(0);
    await visit(page, 'erasure-review-decided-en');

    await page.setViewportSize({ width: 375, height: 800 });
    await visit(page, 'erasure-review-375');
    await context.close();
  });
});
