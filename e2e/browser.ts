import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, errors, type Page } from 'playwright-core';
import { expect } from 'vitest';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
export const ARTIFACTS = path.resolve(import.meta.dirname, 'artifacts');

/** Chromium's fake camera and microphone (a test pattern and a beep), allowed without asking, for WebRTC specs. */
export const fakeMedia = ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'];

/** Debian's Chromium (never a downloaded browser), headless, with the machine's closed network in mind. */
export function launch(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
      ...extraArgs,
    ],
  });
}

/** A fresh browser profile. CSP is bypassed only so axe-core can be injected into our strict-CSP pages. */
export async function newContext(browser: Browser, options: BrowserContextOptions & { language?: 'en' | 'uk' } = {}): Promise<BrowserContext> {
  const { language = 'en', ...rest } = options;
  const context = await browser.newContext({ locale: language === 'uk' ? 'uk-UA' : 'en-US', ...rest, bypassCSP: true });
  // The language a person picked on this device wins over their account's; specs read English labels.
  await context.addInitScript((lang) => window.localStorage.setItem('tend.language', lang), language);
  return context;
}

/** Runs axe-core on the page and fails on any serious or critical violation (WCAG 2.1 A/AA). */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(', ')}`,
      );
  });
  expect(violations, `axe on ${label}`).toEqual([]);
}

/** How long one try at a screenshot may take; a healthy one takes well under a second. */
const SCREENSHOT_TRY_MS = 15_000;

/**
 * Saves a screenshot under e2e/artifacts for a person to look at. Headless Chromium now and then never
 * delivers the frame a capture waits for (the page itself still answers: axe has just run in it); once
 * in many CI runs a capture hung its full 30 s. So a capture that times out is tried once more, after
 * the page is brought to the front and asked for a frame.
 */
export async function snapshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(ARTIFACTS, { recursive: true });
  const capture = () => page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true, timeout: SCREENSHOT_TRY_MS });
  try {
    await capture();
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    process.stderr.write(`screenshot ${name} timed out once; trying again\n`);
    await page.bringToFront();
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    await capture();
  }
}
