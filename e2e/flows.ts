import type { BrowserContext, Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { expectAccessible, snapshot } from './browser';

/**
 * Checks a page at rest with axe and keeps a screenshot: no pointer hovering a link, no request in
 * flight, no dialog or toast half-faded (axe would measure its see-through text), scrolled to the top
 * (a full-page shot of a scrolled page draws the fixed header over its middle).
 */
export async function visit(page: Page, label: string, options: { offline?: boolean } = {}): Promise<void> {
  await page.mouse.move(0, 0);
  if (!options.offline) await page.waitForLoadState('networkidle');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await expectAccessible(page, label);
  await page.evaluate(() => window.scrollTo(0, 0));
  await snapshot(page, label);
}

/** Signs a demo (or any) account in through the sign-in page (of the run's server unless told) and waits until it has left it. */
export async function signIn(context: BrowserContext, email: string, password = inject('demoPassword'), baseUrl = inject('baseUrl')): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill(password);
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login') && r.request().method() === 'POST');
  await page.locator('button[type=submit]').click();
  // A refused sign-in (a lockout, say) fails here with the server's answer, not as a page that never moved on.
  const answer = await answered;
  if (!answer.ok()) throw new Error(`signing in as ${email} answered ${answer.status()}: ${await answer.text()}`);
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  return page;
}

/** A check for `expect.poll`: whether the page shows `text` (its first match) now. */
export const visible = (page: Page, text: string | RegExp) => () => page.getByText(text).first().isVisible();

/** Waits until the page shows `text`: up to the E2E run's poll timeout (10 s), or `timeout`. */
export const shows = (page: Page, text: string | RegExp, timeout?: number) => expect.poll(visible(page, text), timeout ? { timeout } : {}).toBe(true);
