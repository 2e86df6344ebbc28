import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, snapshot } from '../browser';
import { signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const clientEmail = 'client1@demo.tend.local';
const warningSign = `Skipping meals ${Date.now()}`;
const phone = { width: 375, height: 812 };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const visibleExactly = (page: Page, text: string) => () => page.getByText(text, { exact: true }).first().isVisible();
const cacheNames = (page: Page) => page.evaluate(() => caches.keys());
const keptUrls = (page: Page, name: string) =>
  page.evaluate(async (cache) => (await (await caches.open(cache)).keys()).map((request) => new URL(request.url).pathname + new URL(request.url).search), name);

describe('offline: the safety plan, crisis lines and grounding stay on the device', () => {
  it('is an installable app whose service worker is never served stale', async () => {
    const manifest = await fetch(`${baseUrl}/manifest.webmanifest`);
    expect(manifest.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const body = (await manifest.json()) as { display: string; start_url: string; icons: { sizes: string; purpose: string }[] };
    expect(body).toMatchObject({ display: 'standalone', start_url: '/' });
    expect(body.icons.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
    const worker = await fetch(`${baseUrl}/sw.js`);
    expect(worker.headers.get('content-type')).toMatch(/javascript/);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it('a client opens their plan and the crisis page once, then reads both, and breathes, with the network off', async () => {
    const context = await newContext(browser, { viewport: phone });
    const page = await signIn(context, clientEmail);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });

    await page.goto(`${baseUrl}/safety-plan`);
    await page.getByRole('button', { name: /^(Write my safety plan|Edit)$/ }).click();
    await page.getByLabel(/^Step 1\./).fill(`${warningSign}\nStaying in bed all day`);
    await page.getByLabel(/^The most important thing to me/).fill('My daughter');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await expect.poll(visible(page, /^Version \d+, saved by/)).toBe(true);
    await page.reload();
    await expect.poll(visible(page, warningSign)).toBe(true);
    await page.goto(`${baseUrl}/crisis`);
    await expect.poll(visible(page, 'Call 7333')).toBe(true);
    await expect.poll(visible(page, warningSign)).toBe(true);
    await page.waitForLoadState('networkidle');

    // Only the public lines and the client's own plan are kept, besides the app itself.
    const names = await cacheNames(page);
    expect(names.filter((name) => !name.startsWith('tend-shell-')).sort()).toEqual(['tend-crisis-lines', 'tend-safety-plan']);
    expect(await keptUrls(page, 'tend-safety-plan')).toEqual(['/api/v1/crisis/safety-plan']);
    expect((await keptUrls(page, 'tend-crisis-lines')).every((url) => url.startsWith('/api/v1/crisis/resources'))).toBe(true);

    // The network drops while the app is open: the signed-in pages say so and read the kept plan.
    await context.setOffline(true);
    await expect.poll(visible(page, 'You are offline — your safety plan and crisis lines are still here')).toBe(true);
    const banner = page.getByRole('status').filter({ hasText: 'You are offline' });
    await banner.getByRole('link', { name: 'My safety plan', exact: true }).click();
    await page.waitForURL(/\/safety-plan$/);
    await expect.poll(visible(page, /^Version \d+, saved by/)).toBe(true);
    await expect.poll(visible(page, warningSign)).toBe(true);
    await visit(page, 'offline-in-session-safety-plan-en-375', { offline: true });

    // Opened afresh with the network off: nobody can be signed in, the kept copies show.
    await page.goto(`${baseUrl}/crisis`);
    await expect.poll(visible(page, 'You are offline — your safety plan and crisis lines are still here')).toBe(true);
    await expect.poll(visible(page, 'Call 7333')).toBe(true);
    await expect.poll(visible(page, warningSign)).toBe(true);
    await visit(page, 'offline-crisis-en-375', { offline: true });

    await page.goto(`${baseUrl}/safety-plan`);
    await expect.poll(visible(page, /^Version \d+, as last opened on this device/)).toBe(true);
    await expect.poll(visible(page, warningSign)).toBe(true);
    await expect.poll(visible(page, 'My daughter')).toBe(true);
    await visit(page, 'offline-safety-plan-en-375', { offline: true });

    await page.getByRole('link', { name: 'Breathing and grounding', exact: true }).click();
    await page.waitForURL(/\/calm$/);
    await expect.poll(visible(page, '5 things you can see')).toBe(true);
    await visit(page, 'offline-calm-en-375', { offline: true });
    await page.getByRole('button', { name: 'Start breathing with the guide' }).click();
    await expect.poll(visibleExactly(page, 'Breathe in')).toBe(true);
    await expect.poll(visibleExactly(page, 'Hold'), { timeout: 8_000 }).toBe(true);
    await snapshot(page, 'offline-calm-breathing-en-375');

    // Reduced motion: the circle keeps still, the words and the countdown carry the pace.
    await page.emulateMedia({ reducedMotion: 'reduce', colorScheme: 'dark' });
    const transform = await page.locator('.breathing-circle').evaluate((circle) => getComputedStyle(circle).transform);
    expect(transform).toBe('none');
    await page.getByRole('button', { name: 'Stop the guide' }).click();

    await page.goto(`${baseUrl}/crisis`);
    await page.getByText('УК', { exact: true }).click();
    await expect.poll(visible(page, 'Ви офлайн — ваш план безпеки і кризові лінії тут')).toBe(true);
    await expect.poll(visible(page, 'Дзвонити 7333')).toBe(true);
    await expect.poll(visible(page, warningSign)).toBe(true);
    await visit(page, 'offline-crisis-uk-dark-375', { offline: true });
    await page.getByRole('link', { name: 'Дихання і заземлення', exact: true }).click();
    await expect.poll(visible(page, '5 речей, які ви бачите')).toBe(true);
    await visit(page, 'offline-calm-uk-dark-375', { offline: true });

    // Back online, signing out deletes the kept plan: the next person on this browser never sees it.
    await page.emulateMedia({ reducedMotion: null, colorScheme: null });
    await context.setOffline(false);
    await page.goto(`${baseUrl}/crisis`);
    await expect.poll(visible(page, 'Call 7333')).toBe(true);
    expect(await cacheNames(page)).toContain('tend-safety-plan');
    await page.getByRole('button', { name: /account menu$/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await expect.poll(() => cacheNames(page)).not.toContain('tend-safety-plan');
    await context.close();
  });
});
