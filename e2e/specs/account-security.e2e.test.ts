import { authenticator } from 'otplib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { visit } from '../flows';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A code from the next 30-second step: the one used to turn 2FA on may not be replayed. */
const nextCode = (secret: string) => authenticator.clone({ epoch: Date.now() + 30_000 }).generate(secret);

describe('a client secures their account', () => {
  it('registers, signs in, turns on 2FA, signs out and signs in again with a TOTP code', async () => {
    const context = await newContext(browser, { locale: 'en-US', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const email = `client-${Date.now()}@example.test`;
    const password = 'a calm river at dawn';

    await page.goto(`${baseUrl}/register`);
    await visit(page, 'register');
    await page.getByLabel('Name').fill('Olha Client');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/register'));
    await visit(page, 'home-after-register');

    await page.goto(`${baseUrl}/account/security`);
    await page.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const secret = (await page.getByTestId('mfa-secret').innerText()).replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    await visit(page, 'security-enrol');
    await page.getByLabel('Authentication code').fill(authenticator.generate(secret));
    await page.getByRole('button', { name: 'Turn on two-factor authentication' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect((await codes.innerText()).match(/[a-z0-9]{5}-[a-z0-9]{5}/g)).toHaveLength(10);
    await visit(page, 'security-recovery-codes');

    await page.getByRole('button', { name: /account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await visit(page, 'sign-in');

    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/sign-in\/2fa/);
    await visit(page, 'sign-in-2fa');
    await page.getByLabel('Authentication code').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await expect.poll(() => page.getByText('Olha Client').first().isVisible()).toBe(true);
    await visit(page, 'home-after-2fa');
    await context.close();
  });

  it('works at 375 px wide in Ukrainian', async () => {
    const context = await newContext(browser, { language: 'uk', viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/sign-in`);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('uk');
    await expect.poll(() => page.getByRole('button', { name: 'Увійти' }).isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await visit(page, 'sign-in-uk-375');
    await context.close();
  });
});
