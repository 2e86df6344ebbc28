import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist1@demo.tend.local';
const clientEmail = 'client1@demo.tend.local';
const clientName = 'Ірина Бондар';
const caseTitle = `Chat with the care team ${Date.now()}`;
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
let browser: Browser;
let casePath = '';
let messagesPath = '';

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** Signs in by field type, so it works whatever the interface language. */

const history = (page: Page) => page.getByRole('region', { name: /^(Conversation history|Історія розмови)$/ });
const messageBox = (page: Page) => page.getByLabel(/^(Your message|Ваше повідомлення)$/);

/** Both people, each in their own browser profile: the specialist on the case page, the client on Messages. */
async function bothOpen(viewport = desktop): Promise<{ staff: BrowserContext; specialist: Page; mine: BrowserContext; client: Page }> {
  const staff = await newContext(browser, { viewport });
  const specialist = await signIn(staff, specialistEmail);
  await specialist.goto(`${baseUrl}${casePath}`);
  await history(specialist).scrollIntoViewIfNeeded();
  const mine = await newContext(browser, { viewport });
  const client = await signIn(mine, clientEmail);
  await client.goto(`${baseUrl}${messagesPath}`);
  await history(client).waitFor();
  return { staff, specialist, mine, client };
}

/**
 * Records the specialist's read receipts, so that if "Seen" never comes the failure says what it depended on:
 * whether the chat was on screen with the tab in front, how the server answered the receipts the page sent,
 * and what the server holds: the specialist's read mark against their newest message.
 */
function receiptsOf(specialist: Page): () => Promise<string> {
  const answers: string[] = [];
  specialist.on('response', (r) => {
    if (/\/api\/v1\/conversations\/[^/]+\/read$/.test(r.url())) answers.push(`${r.status()} at ${new Date().toISOString()}`);
  });
  return async () => {
    const box = await history(specialist).boundingBox();
    const tab = await specialist.evaluate(() => ({ visibility: document.visibilityState, scrollY: window.scrollY, height: window.innerHeight }));
    const caseId = casePath.split('/').pop();
    const server = await specialist.evaluate(async (id) => {
      const list = await (await fetch('/api/v1/conversations', { credentials: 'include' })).json();
      const row = list.data.find((c: { case_id: string | null }) => c.case_id === id);
      return row ? { unread: row.unread, last_read_at: row.last_read_at, last_message_at: row.last_message_at } : 'no conversation for the case';
    }, caseId);
    return `specialist's chat at ${JSON.stringify(box)}, tab ${JSON.stringify(tab)}, receipts answered: ${answers.join(', ') || 'none'}, server: ${JSON.stringify(server)}`;
  };
}

describe('case chat between a client and their specialist', () => {
  it('the specialist opens a case and finds its empty chat', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail);
    await page.goto(`${baseUrl}/cases/new`);
    await page.getByLabel(/^Client/).selectOption({ label: `${clientName} (${clientEmail})` });
    await page.getByLabel(/^Title/).fill(caseTitle);
    await page.getByLabel(/^Jurisdiction/).fill('UA');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(page.url()).pathname;
    messagesPath = `/messages?case=${casePath.split('/').pop()}`;
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Activate' }).click();
    await expect.poll(visible(page, 'Status: Draft → Active')).toBe(true);
    await expect.poll(visible(page, 'Messages with the client')).toBe(true);
    await expect.poll(visible(page, 'No messages yet. Say hello.')).toBe(true);
    await expect.poll(visible(page, 'No open risk flags on this case.')).toBe(true);
    await visit(page, 'chat-case-empty-en');
    await context.close();
  });

  it('typing shows live, messages arrive live as plain text, and the client sees "Seen" once the specialist has looked', async () => {
    const { staff, specialist, mine, client } = await bothOpen();
    const receipts = receiptsOf(specialist);
    await client.getByRole('link', { name: 'Messages' }).first().waitFor();
    await expect.poll(visible(client, 'Messages with your care team')).toBe(true);

    // Keyboard only: type, see the other side notice, Enter sends.
    await messageBox(client).focus();
    await client.keyboard.type('Hello, could we talk about Thursday?');
    await expect.poll(visible(specialist, `${clientName} is typing…`), { timeout: 5000 }).toBe(true);
    await visit(specialist, 'chat-case-typing-en');
    // The screenshot scrolled the page to its top; the specialist looks at the chat again.
    await history(specialist).scrollIntoViewIfNeeded();
    await client.keyboard.press('Enter');
    await expect.poll(() => messageBox(client).inputValue()).toBe('');
    await expect.poll(() => history(specialist).getByText('Hello, could we talk about Thursday?').isVisible(), { timeout: 3000 }).toBe(true);
    // The indicator goes when their message arrives.
    await expect.poll(visible(specialist, `${clientName} is typing…`)).toBe(false);
    // The specialist has the chat on screen, so it is read: the client sees "Seen". That is three hops (the message
    // reaches the specialist's page, its receipt goes to the API, the API tells the client's socket); on a CI
    // machine busy with the other specialist's and the server's work they took over 5 s once, so allow 15.
    await expect
      .poll(() => history(client).getByText('Seen', { exact: true }).isVisible(), { timeout: 15_000 })
      .toBe(true)
      .catch(async (error: unknown) => {
        throw new Error(`"Seen" did not come: ${await receipts()}`, { cause: error });
      });

    // Shift+Enter is a new line; markup is shown as text, never run.
    await messageBox(client).focus();
    await client.keyboard.type('First line');
    await client.keyboard.press('Shift+Enter');
    await client.keyboard.type('second line');
    await client.keyboard.press('Enter');
    await expect.poll(() => messageBox(client).inputValue()).toBe('');
    const markup = '<b>bold?</b><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await messageBox(client).fill(markup);
    await client.keyboard.press('Enter');
    await expect.poll(() => history(specialist).getByText(markup, { exact: true }).isVisible(), { timeout: 3000 }).toBe(true);
    await expect.poll(() => history(specialist).getByText('First line\nsecond line').isVisible()).toBe(true);
    expect(await specialist.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await history(specialist).locator('b, img, script').count()).toBe(0);

    // The specialist answers; the client has it live.
    await messageBox(specialist).fill('Of course. Thursday at 18:00 works for me.');
    await specialist.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => history(client).getByText('Thursday at 18:00 works for me.').isVisible(), { timeout: 3000 }).toBe(true);
    await visit(client, 'chat-client-en');
    await visit(specialist, 'chat-case-en');
    await mine.close();
    await staff.close();
  });

  it('a message that is too long or rate-limited stays in the box, with the reason', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, clientEmail);
    await page.goto(`${baseUrl}${messagesPath}`);
    const long = 'a'.repeat(10_001);
    await messageBox(page).fill(long);
    await messageBox(page).press('Enter');
    await expect.poll(visible(page, /^A message can have at most 10,000 characters/)).toBe(true);
    expect(await messageBox(page).inputValue()).toBe(long);

    await page.route('**/api/v1/conversations/*/messages', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({
            status: 429,
            headers: { 'retry-after': '30' },
            contentType: 'application/json',
            body: JSON.stringify({ success: false, error: { code: 'REQUEST.RATE_LIMITED', message: 'Too many requests', request_id: 'e2e' } }),
          })
        : route.continue(),
    );
    await messageBox(page).fill('Are you there?');
    await messageBox(page).press('Enter');
    await expect.poll(visible(page, /sending messages too quickly\. Wait 30 seconds/)).toBe(true);
    expect(await messageBox(page).inputValue()).toBe('Are you there?');
    await visit(page, 'chat-client-rate-limited-en');
    await page.unroute('**/api/v1/conversations/*/messages');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => messageBox(page).inputValue()).toBe('');
    await expect.poll(() => history(page).getByText('Are you there?').isVisible()).toBe(true);
    await context.close();
  });

  it('a crisis-level message flags the case for the specialist within a second and shows the client support, never blocking them', async () => {
    const { staff, specialist, mine, client } = await bothOpen();
    await messageBox(client).fill('I want to kill myself tonight');
    const started = Date.now();
    await client.keyboard.press('Enter');
    await expect.poll(() => specialist.getByTestId('risk-flags').getByText('Risk: crisis').isVisible(), { timeout: 1000, interval: 50 }).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    // The flag says what raised it in words, not rule names.
    await expect
      .poll(() =>
        specialist
          .getByTestId('risk-flags')
          .getByText(/What raised it: .*“tonight” \(a time\)/)
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => history(specialist).getByText('Risk flag: crisis').isVisible()).toBe(true);

    // The client's message went through, and they see where to get help now.
    await expect.poll(() => history(client).getByText('I want to kill myself tonight').isVisible()).toBe(true);
    await expect.poll(visible(client, "You don't have to go through this alone")).toBe(true);
    await expect.poll(visible(client, 'Call 7333')).toBe(true);
    await expect.poll(() => client.getByRole('link', { name: 'Open my safety plan' }).isVisible()).toBe(true);
    expect(await messageBox(client).isEnabled()).toBe(true);
    await visit(client, 'chat-client-support-en');
    await visit(specialist, 'chat-case-flagged-en');
    await mine.close();
    await staff.close();
  });

  it('looks right at 375 px in Ukrainian and English, and in the dark', async () => {
    for (const language of ['uk', 'en'] as const) {
      const mine = await newContext(browser, { language, viewport: phone });
      const client = await signIn(mine, clientEmail);
      await client.goto(`${baseUrl}${messagesPath}`);
      await expect.poll(() => history(client).getByText('Thursday at 18:00 works for me.').isVisible()).toBe(true);
      await visit(client, `chat-client-${language}-375`);
      const staff = await newContext(browser, { language, viewport: phone });
      const specialist = await signIn(staff, specialistEmail);
      await specialist.goto(`${baseUrl}${casePath}`);
      await expect.poll(() => history(specialist).getByText('I want to kill myself tonight').isVisible()).toBe(true);
      await visit(specialist, `chat-case-${language}-375`);
      await mine.close();
      await staff.close();
    }
    for (const language of ['uk', 'en'] as const) {
      const dark = await newContext(browser, { language, colorScheme: 'dark', viewport: desktop });
      const client = await signIn(dark, clientEmail);
      await client.goto(`${baseUrl}${messagesPath}`);
      await expect.poll(() => history(client).getByText('Thursday at 18:00 works for me.').isVisible()).toBe(true);
      await visit(client, `chat-client-${language}-dark`);
      await client.goto(`${baseUrl}/my-care`);
      await dark.close();
    }
    const staffDark = await newContext(browser, { language: 'uk', colorScheme: 'dark', viewport: desktop });
    const specialist = await signIn(staffDark, specialistEmail);
    await specialist.goto(`${baseUrl}${casePath}`);
    await expect.poll(() => history(specialist).getByText('I want to kill myself tonight').isVisible()).toBe(true);
    await visit(specialist, 'chat-case-uk-dark');
    await staffDark.close();
  });

  it('pages back through a long history with the keyboard', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, clientEmail);
    await page.goto(`${baseUrl}${messagesPath}`);
    await expect.poll(() => history(page).getByText('I want to kill myself tonight').isVisible()).toBe(true);
    const conversationId = await page.evaluate(async (caseId) => {
      const csrf =
        document.cookie
          .split('; ')
          .find((c) => c.startsWith('tend_csrf='))
          ?.slice('tend_csrf='.length) ?? '';
      const headers = { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(csrf) };
      const opened = await fetch(`/api/v1/cases/${caseId}/conversation`, { method: 'POST', headers, body: '{}' }).then((r) => r.json());
      for (let i = 1; i <= 35; i++)
        await fetch(`/api/v1/conversations/${opened.data.id}/messages`, { method: 'POST', headers, body: JSON.stringify({ body: `Diary line ${i}` }) });
      return opened.data.id as string;
    }, casePath.split('/').pop());
    expect(conversationId).toMatch(/^[0-9a-f-]{36}$/);
    await page.reload();
    await expect.poll(() => history(page).getByText('Diary line 35', { exact: true }).isVisible()).toBe(true);
    expect(await history(page).getByText('Hello, could we talk about Thursday?').count()).toBe(0);
    const older = page.getByRole('button', { name: 'Load older messages' });
    await older.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => history(page).getByText('Hello, could we talk about Thursday?').count()).toBe(1);
    await expect.poll(() => older.count()).toBe(0);
    expect(await history(page).getByText('Diary line 1', { exact: true }).count()).toBe(1);
    await visit(page, 'chat-client-paged-en');
    await context.close();
  });
});
