import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fakeMedia, launch, newContext } from '../browser';
import { shows, signIn, visible, visit } from '../flows';
import { bookSessionNow, practice } from '../practice';
import { bytesReceived } from '../call';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist2@demo.tend.local';
const specialistName = 'Maria Lysenko';
const clientEmail = 'client3@demo.tend.local';
const clientName = 'Оксана Ткаченко';
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
let browser: Browser;
let sessionId = '';

beforeAll(async () => {
  browser = await launch(fakeMedia);
  sessionId = await bookSessionNow(practice(), specialistEmail, clientEmail);
});
afterAll(() => browser?.close());

/** Waits up to 10 s for the text: pages, sockets and the call take a moment on a busy machine. */

describe('a live session with built-in video, in Chromium with fake camera and microphone', () => {
  let staff: BrowserContext;
  let mine: BrowserContext;
  let specialist: Page;
  let client: Page;

  it('the client (Ukrainian, 375 px) says where they are, checks their devices and waits', async () => {
    mine = await newContext(browser, { language: 'uk', viewport: phone });
    client = await signIn(mine, clientEmail);
    await client.goto(`${baseUrl}/sessions/${sessionId}`);
    await shows(client, `Сесія з ${specialistName}`);
    // The start time is named in the viewer's own zone.
    await shows(client, /\(UTC\)|\([A-Z][a-z]+\/[A-Za-z_]+\)/);
    await client.getByRole('button', { name: 'Перевірити пристрої' }).click();
    await expect
      .poll(() => client.getByTestId('device-check').innerText(), { timeout: 15_000 })
      .toMatch(/Камера: Працює[\s\S]*Мікрофон: Працює[\s\S]*З'єднання: Добре/);
    // Joining without saying where is refused with the reason.
    await client.getByRole('button', { name: 'Увійти до зали очікування' }).click();
    await shows(client, 'Оберіть, де ви перебуваєте.');
    // Travelling: in New York today, where the specialist holds no licence.
    await client.getByLabel(/^Країна/).selectOption('US');
    await client.getByRole('button', { name: 'Увійти до зали очікування' }).click();
    await shows(client, 'Оберіть штат, у якому ви перебуваєте.');
    await client.getByLabel(/^Штат/).selectOption('NY');
    await visit(client, 'live-session-client-lobby-uk-375');
    await client.getByRole('button', { name: 'Увійти до зали очікування' }).click();
    await shows(client, 'Ви в залі очікування');
    await visit(client, 'live-session-client-waiting-uk-375');
  });

  it('the specialist sees who waits and where, is warned they hold no licence there and that there is no consent to video, sees the brief, and admits them; both receive the other’s video', async () => {
    staff = await newContext(browser, { viewport: desktop });
    specialist = await signIn(staff, specialistEmail);
    await specialist.goto(`${baseUrl}/sessions/${sessionId}`);
    await shows(specialist, `${clientName} is waiting since`);
    await shows(specialist, 'Location today: New York, United States');
    await shows(specialist, 'Device check: camera Working, microphone Working, connection Working');
    await shows(specialist, 'Before you start');
    await shows(specialist, "No licence for the client's location");
    await shows(specialist, `${clientName} says they are in New York, United States today, where you hold no licence on file.`);
    // The demo client has not agreed to sessions by video (no spec gives that consent): the specialist is told, and may still admit.
    await shows(specialist, 'No consent to sessions by video on file');
    await shows(specialist, `${clientName} has not agreed to sessions by video yet.`);
    await visit(specialist, 'live-session-specialist-lobby-en');

    await specialist.getByRole('button', { name: `Admit ${clientName}` }).click();
    for (const page of [specialist, client]) {
      await expect.poll(() => bytesReceived(page), { timeout: 45_000, interval: 250 }).toBeGreaterThan(0);
    }
    await expect.poll(() => specialist.getByRole('status').filter({ hasText: 'Connected' }).isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => client.getByRole('status').filter({ hasText: "З'єднано" }).isVisible(), { timeout: 10_000 }).toBe(true);
    // Still flowing a moment later: the byte counts keep growing.
    const before = await bytesReceived(client);
    await expect.poll(() => bytesReceived(client), { timeout: 10_000 }).toBeGreaterThan(before);
    await visit(specialist, 'live-session-call-specialist-en');
    await visit(client, 'live-session-call-client-uk-375');
  });

  it('the specialist starts the breathing exercise on the client’s screen; the shared scale moves on both', async () => {
    await specialist.getByRole('button', { name: 'Start breathing with the guide' }).click();
    await expect.poll(() => client.getByTestId('session-breathing').getAttribute('data-running'), { timeout: 5000 }).toBe('true');
    await expect
      .poll(() =>
        client
          .getByTestId('session-breathing')
          .getByText(/^(Вдих|Затримка|Видих)$/)
          .isVisible(),
      )
      .toBe(true);
    await specialist.getByRole('button', { name: 'Stop the guide' }).click();
    await expect.poll(() => client.getByTestId('session-breathing').count()).toBe(0);

    const specialistScale = specialist.getByRole('slider');
    await specialistScale.focus();
    for (let i = 0; i < 3; i++) await specialist.keyboard.press('ArrowRight');
    await expect.poll(() => client.getByTestId('shared-scale').getAttribute('data-value'), { timeout: 5000 }).toBe('3');
    await shows(client, `${specialistName} встановлює 3`);
    const clientScale = client.getByRole('slider');
    await clientScale.focus();
    for (let i = 0; i < 4; i++) await client.keyboard.press('ArrowRight');
    await expect.poll(() => specialist.getByTestId('shared-scale').getAttribute('data-value'), { timeout: 5000 }).toBe('7');
    await shows(specialist, `${clientName} moved it to 7`);
  });

  it('the chat panel carries messages both ways; audio-only can be chosen and undone', async () => {
    await specialist.getByLabel('Your message').fill('Take your time. Where do you feel it in your body?');
    await specialist.getByRole('button', { name: 'Send', exact: true }).click();
    await shows(client, 'Where do you feel it in your body?');
    await client.getByLabel('Ваше повідомлення').fill('In my chest, like a stone.');
    await client.getByLabel('Ваше повідомлення').press('Enter');
    await shows(specialist, 'In my chest, like a stone.');
    await specialist.getByRole('button', { name: 'Audio only' }).click();
    await shows(specialist, 'Audio only: your video is paused.');
    await specialist.getByRole('button', { name: 'Turn video back on' }).click();
    await expect.poll(visible(specialist, 'Audio only: your video is paused.')).toBe(false);
    await specialist.getByRole('button', { name: 'Mute microphone' }).click();
    expect(await specialist.getByRole('button', { name: 'Unmute microphone' }).getAttribute('aria-pressed')).toBe('true');
    await specialist.getByRole('button', { name: 'Unmute microphone' }).click();
  });

  it('a client who reloads the page mid-call is back in the call, with video both ways', async () => {
    await client.reload();
    await expect.poll(() => bytesReceived(client), { timeout: 20_000, interval: 250 }).toBeGreaterThan(0);
    const before = await bytesReceived(specialist);
    await expect.poll(() => bytesReceived(specialist), { timeout: 10_000 }).toBeGreaterThan(before);
    await expect.poll(() => client.getByRole('status').filter({ hasText: "З'єднано" }).isVisible(), { timeout: 10_000 }).toBe(true);
  });

  it('checks the room in the other language for each, at 375 px', async () => {
    await specialist.setViewportSize(phone);
    await specialist.getByText('УК', { exact: true }).click();
    await shows(specialist, `Сесія з ${clientName}`);
    await visit(specialist, 'live-session-call-specialist-uk-375');
    await client.setViewportSize(desktop);
    await client.getByText('EN', { exact: true }).click();
    await shows(client, `Session with ${specialistName}`);
    await visit(client, 'live-session-call-client-en');
    await specialist.getByText('EN', { exact: true }).click();
    await specialist.setViewportSize(desktop);
  });

  it('the specialist ends the session and lands after it; the client is told it has ended', async () => {
    await specialist.getByRole('button', { name: 'End session' }).click();
    await specialist.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await specialist.waitForURL(`${baseUrl}/sessions/${sessionId}/after`);
    await shows(client, 'The session has ended');
    await visit(client, 'live-session-ended-client-en');
    // The client is offered the short feedback, and the specialist's after page is really there.
    await client.getByRole('link', { name: 'Tell us how it went (three short questions)' }).click();
    await client.waitForURL(`${baseUrl}/sessions/${sessionId}/feedback`);
    await shows(specialist, 'Write the note');
    await staff.close();
    await mine.close();
  });
});
