import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const desktop = { width: 1280, height: 900 };
const clientName = 'Taras Melnyk';
const programTitle = `Sleep group ${Date.now()}`;
const pdf =
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

const history = (page: Page) => page.getByRole('region', { name: /^(Conversation history|Історія розмови)$/ });
/** axe on an open dialog once its opening transition has finished (`visit` is for pages at rest). */
const dialogAccessible = async (page: Page, label: string) => {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== 'running'));
  await expectAccessible(page, label);
};
const messageBox = (page: Page) => page.getByLabel(/^(Your message|Ваше повідомлення)$/);

/** The specialist starts a program chat with the client and Maria Lysenko, and waits until it is open. */
async function startProgramChat(page: Page, title: string): Promise<void> {
  await page.goto(`${baseUrl}/conversations`);
  await page.getByRole('button', { name: 'New program chat' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(/^Title/).fill(title);
  await dialog.getByRole('checkbox', { name: `${clientName} — Client` }).check();
  await dialog.getByRole('checkbox', { name: 'Maria Lysenko — Specialist' }).check();
  await dialog.getByRole('button', { name: 'Create chat' }).click();
  await expect.poll(() => page.getByRole('heading', { name: title, level: 2 }).isVisible()).toBe(true);
}

describe('messages between colleagues and program chats', () => {
  it('a specialist starts a direct chat with a colleague, who sees it unread in their list and reads it (375 px, Ukrainian, dark)', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, 'specialist1@demo.tend.local');
    await page.getByRole('link', { name: 'Messages' }).first().click();
    await page.waitForURL(/\/conversations/);
    await page.getByRole('button', { name: 'Message a colleague' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Colleague/).selectOption({ label: 'Maria Lysenko — Specialist' });
    await dialog.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Maria Lysenko', level: 2 }).isVisible()).toBe(true);
    await messageBox(page).focus();
    await page.keyboard.type('Could you cover my Friday clients? <b>thanks</b>');
    await page.keyboard.press('Enter');
    await expect.poll(() => history(page).getByText('Could you cover my Friday clients? <b>thanks</b>').isVisible()).toBe(true);
    await visit(page, 'conversations-direct-en');
    await context.close();

    const ukContext = await newContext(browser, { language: 'uk', colorScheme: 'dark', viewport: { width: 375, height: 812 } });
    const colleague = await signIn(ukContext, 'specialist2@demo.tend.local');
    await colleague.goto(`${baseUrl}/conversations`);
    await expect.poll(() => colleague.getByRole('heading', { name: 'Повідомлення', level: 1 }).isVisible()).toBe(true);
    const row = colleague.getByRole('button', { name: /Андрій Шевченко/ });
    await expect.poll(() => row.getByLabel(/непрочитан/).isVisible()).toBe(true);
    await row.click();
    await history(colleague).scrollIntoViewIfNeeded();
    await expect.poll(() => history(colleague).getByText('Could you cover my Friday clients? <b>thanks</b>').isVisible()).toBe(true);
    // Read once the chat is on screen: the unread count goes.
    await expect.poll(() => row.getByLabel(/непрочитан/).count(), { timeout: 5000 }).toBe(0);
    await visit(colleague, 'conversations-direct-uk-dark-375');
    await ukContext.close();
  });

  it('a specialist creates a program chat with a client of theirs; the client finds it on Messages and writes in it', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, 'specialist1@demo.tend.local');
    // A case with the client, so they can be brought into a program.
    await page.goto(`${baseUrl}/cases/new`);
    await page.getByLabel(/^Client/).selectOption({ label: `${clientName} (client2@demo.tend.local)` });
    await page.getByLabel(/^Title/).fill(`Program member ${Date.now()}`);
    await page.getByLabel(/^Jurisdiction/).fill('UA');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);

    await startProgramChat(page, programTitle);
    await messageBox(page).fill('Welcome to the group. Share one thing that helped you sleep this week.');
    // A worksheet goes with the message: it uploads at once and is listed with its size.
    await page.locator('input[type=file]').setInputFiles({ name: 'sleep-tips.pdf', mimeType: 'application/pdf', buffer: Buffer.from(pdf) });
    await expect
      .poll(() =>
        page
          .getByRole('list', { name: 'Files to send' })
          .getByText(/sleep-tips\.pdf · \d+ B/)
          .isVisible(),
      )
      .toBe(true);
    await messageBox(page).press('Enter');
    await expect.poll(visible(page, 'Welcome to the group.')).toBe(true);
    await expect
      .poll(() =>
        history(page)
          .getByRole('button', { name: /^Download sleep-tips\.pdf/ })
          .isVisible(),
      )
      .toBe(true);
    await visit(page, 'conversations-program-en');
    await context.close();

    const mine = await newContext(browser, { viewport: { width: 375, height: 812 } });
    const client = await signIn(mine, 'client2@demo.tend.local');
    await client.goto(`${baseUrl}/messages`);
    await client.getByLabel('Conversation', { exact: true }).selectOption({ label: `${programTitle} — Program chat` });
    await expect
      .poll(() =>
        history(client)
          .getByText(/Welcome to the group/)
          .isVisible(),
      )
      .toBe(true);
    const [download] = await Promise.all([
      client.waitForEvent('download'),
      history(client)
        .getByRole('button', { name: /^Download sleep-tips\.pdf/ })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('sleep-tips.pdf');
    await messageBox(client).fill('Reading before bed helped.');
    await client.keyboard.press('Enter');
    await expect.poll(() => history(client).getByText('Reading before bed helped.').isVisible()).toBe(true);
    await visit(client, 'conversations-program-client-375');
    await mine.close();
  });

  it('the specialist running the program chat removes the client, who loses it at once; their words stay for the group (Ukrainian client, 375 px)', async () => {
    const mine = await newContext(browser, { language: 'uk', viewport: { width: 375, height: 812 } });
    const client = await signIn(mine, 'client2@demo.tend.local');
    await client.goto(`${baseUrl}/messages`);
    const chooser = client.getByLabel('Розмова', { exact: true });
    const programOption = `${programTitle} — Чат програми`;
    await chooser.selectOption({ label: programOption });
    await expect.poll(() => history(client).getByText('Reading before bed helped.').isVisible()).toBe(true);

    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, 'specialist1@demo.tend.local');
    await page.goto(`${baseUrl}/conversations`);
    await page.getByRole('button', { name: new RegExp(programTitle) }).click();
    await expect.poll(() => page.getByRole('heading', { name: programTitle, level: 2 }).isVisible()).toBe(true);
    // Bringing a colleague in: only people not yet in the chat are offered.
    await page.getByRole('button', { name: 'Add people' }).click();
    const adding = page.getByRole('dialog', { name: 'Add people to the program chat' });
    await expect.poll(() => adding.getByRole('checkbox', { name: 'Олена Коваль — Practice administrator' }).isVisible()).toBe(true);
    expect(await adding.getByRole('checkbox', { name: /Maria Lysenko/ }).count()).toBe(0);
    expect(await adding.getByRole('checkbox', { name: new RegExp(clientName) }).count()).toBe(0);
    await dialogAccessible(page, 'conversations-program-add-dialog');
    await adding.getByRole('checkbox', { name: 'Олена Коваль — Practice administrator' }).check();
    await adding.getByRole('button', { name: 'Add', exact: true }).click();
    const people = page.getByRole('button', { name: 'People (4)' });
    await expect.poll(() => people.isVisible()).toBe(true);
    await people.press('Enter');
    await expect.poll(() => people.getAttribute('aria-expanded')).toBe('true');
    const list = page.getByRole('list', { name: `People in “${programTitle}”` });
    await expect.poll(() => list.getByText('Олена Коваль').isVisible()).toBe(true);
    await expect.poll(() => list.getByText('Андрій Шевченко — runs this chat').isVisible()).toBe(true);
    await list.getByRole('button', { name: `Remove ${clientName} from the chat` }).press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Remove from the program chat' });
    await expect.poll(() => dialog.getByText(new RegExp(`Remove ${clientName} from “${programTitle}”\\?`)).isVisible()).toBe(true);
    await dialogAccessible(page, 'conversations-program-remove-dialog');
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'People (3)' }).isVisible()).toBe(true);
    await expect.poll(() => list.getByText(clientName).count()).toBe(0);
    // What the client wrote stays in the program's record for the others.
    await expect.poll(() => history(page).getByText('Reading before bed helped.').isVisible()).toBe(true);
    await visit(page, 'conversations-program-people-en');

    // The client's open page lets go of the chat without a reload, and it is not offered again.
    await expect.poll(() => client.getByText('Вас вилучили з чату програми.').isVisible()).toBe(true);
    await expect.poll(async () => (await chooser.count()) === 0 || !(await chooser.locator('option', { hasText: programTitle }).count())).toBe(true);
    await expect.poll(() => client.getByText('Reading before bed helped.').count()).toBe(0);
    await client.reload();
    await expect.poll(() => client.getByRole('heading', { name: 'Повідомлення', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => client.getByRole('option', { name: programOption }).count()).toBe(0);
    await visit(client, 'conversations-program-removed-uk-375');
    await mine.close();
    await context.close();
  });

  it('a client leaves a program chat themselves: it goes from their list, and the specialist running it sees the people change (Ukrainian client, 375 px)', async () => {
    const walkingTitle = `Walking group ${Date.now()}`;
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, 'specialist1@demo.tend.local');
    await startProgramChat(page, walkingTitle);
    await expect.poll(() => page.getByRole('button', { name: 'People (3)' }).isVisible()).toBe(true);
    // Whoever runs the chat has no way out of it, only the others do.
    expect(await page.getByRole('button', { name: 'Leave chat' }).count()).toBe(0);

    const mine = await newContext(browser, { language: 'uk', viewport: { width: 375, height: 812 } });
    const client = await signIn(mine, 'client2@demo.tend.local');
    await client.goto(`${baseUrl}/messages`);
    const chooser = client.getByLabel('Розмова', { exact: true });
    const option = `${walkingTitle} — Чат програми`;
    await chooser.selectOption({ label: option });
    await expect.poll(() => client.getByRole('heading', { name: walkingTitle, level: 2 }).isVisible()).toBe(true);
    await client.getByRole('button', { name: 'Вийти з чату' }).click();
    const dialog = client.getByRole('dialog', { name: 'Вихід із чату програми' });
    await expect.poll(() => dialog.getByText(`Вийти з чату «${walkingTitle}»?`, { exact: false }).isVisible()).toBe(true);
    await dialogAccessible(client, 'conversations-program-leave-dialog-uk-375');
    await dialog.getByRole('button', { name: 'Вийти з чату' }).click();
    await expect.poll(() => client.getByText(`Ви вийшли з чату «${walkingTitle}».`).isVisible()).toBe(true);
    await expect.poll(() => client.getByRole('heading', { name: walkingTitle, level: 2 }).count()).toBe(0);
    await expect.poll(() => client.getByRole('option', { name: option }).count()).toBe(0);
    await visit(client, 'conversations-program-left-uk-375');
    await client.reload();
    await expect.poll(() => client.getByRole('heading', { name: 'Повідомлення', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => client.getByRole('option', { name: option }).count()).toBe(0);
    await mine.close();

    // The specialist's open page hears of it without a reload.
    const people = page.getByRole('button', { name: 'People (2)' });
    await expect.poll(() => people.isVisible()).toBe(true);
    await people.click();
    const list = page.getByRole('list', { name: `People in “${walkingTitle}”` });
    await expect.poll(() => list.getByText('Maria Lysenko').isVisible()).toBe(true);
    expect(await list.getByText(clientName).count()).toBe(0);
    await visit(page, 'conversations-program-after-leave-en');
    await context.close();
  });
});
