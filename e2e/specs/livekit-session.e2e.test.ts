import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { fakeMedia, launch, newContext } from '../browser';
import { type FakeLiveKit, startFakeLiveKit } from '../fake-livekit';
import { shows, signIn, visible, visit } from '../flows';
import { bookSessionNow, type Practice, practiceAt } from '../practice';
import { startTendServer, type TendServer } from '../server';

// This spec runs its own Tend server with LIVEKIT_* set, pointed at a fake LiveKit (its HTTP boundary only).
// No LiveKit server runs here, so media through LiveKit is not covered: the controller's unit tests cover the
// call's logic with a fake Room.
const specialistEmail = 'specialist2@demo.tend.local';
const specialistName = 'Maria Lysenko';
const clientEmail = 'client3@demo.tend.local';
const clientName = 'Оксана Ткаченко';
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
let fake: FakeLiveKit;
let server: TendServer;
let at: Practice;
let browser: Browser;
let sessionId = '';

beforeAll(async () => {
  fake = await startFakeLiveKit();
  server = await startTendServer(inject('demoPassword'), {
    LIVEKIT_URL: fake.url,
    LIVEKIT_API_KEY: 'APIe2efake',
    LIVEKIT_API_SECRET: 'e2e-fake-livekit-secret-0123456789abcdefghij',
  });
  at = practiceAt(server.baseUrl, inject('demoPassword'));
  sessionId = await bookSessionNow(at, specialistEmail, clientEmail);
  browser = await launch(fakeMedia);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await fake?.close();
});

describe('a live session on a practice with LiveKit, whose server the browser cannot reach (LiveKit faked at its HTTP boundary)', () => {
  let staff: BrowserContext;
  let mine: BrowserContext;
  let specialist: Page;
  let client: Page;

  it('the client checks their devices, picks which to use, and waits; the specialist admits them', async () => {
    mine = await newContext(browser, { language: 'uk', viewport: phone });
    client = await signIn(mine, clientEmail, inject('demoPassword'), server.baseUrl);
    await client.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await shows(client, `Сесія з ${specialistName}`);
    await client.getByRole('button', { name: 'Перевірити пристрої' }).click();
    await expect.poll(() => client.getByTestId('device-check').innerText(), { timeout: 15_000 }).toMatch(/Камера: Працює[\s\S]*Мікрофон: Працює/);
    // Chromium's fake devices are listed once the browser allowed them; the choice is kept for the call.
    const camera = client.getByLabel('Камера для дзвінка');
    await expect.poll(() => camera.locator('option').count()).toBeGreaterThan(1);
    const fakeCamera = await camera.locator('option').nth(1).getAttribute('value');
    await camera.selectOption(fakeCamera ?? '');
    await expect.poll(() => client.evaluate(() => localStorage.getItem('tend.session.devices'))).toContain(fakeCamera ?? 'none');
    await client.getByLabel(/^Країна/).selectOption('UA');
    await visit(client, 'livekit-client-lobby-uk-375');
    await client.getByRole('button', { name: 'Увійти до зали очікування' }).click();
    await shows(client, 'Ви в залі очікування');

    staff = await newContext(browser, { viewport: desktop });
    specialist = await signIn(staff, specialistEmail, inject('demoPassword'), server.baseUrl);
    await specialist.goto(`${server.baseUrl}/sessions/${sessionId}`);
    await shows(specialist, `${clientName} is waiting since`);
    await specialist.getByRole('button', { name: `Admit ${clientName}` }).click();
  });

  it('both rooms take the LiveKit path and say they could not connect to the video service, with a retry', async () => {
    await shows(specialist, 'Could not connect to the video service', 30_000);
    await shows(client, "Не вдалося під'єднатися до відеосервісу", 30_000);
    await shows(client, "Інструменти сесії та чат поруч і далі працюють. Перевірте інтернет-з'єднання й спробуйте ще раз.");
    // Each asked Tend for a LiveKit token (the server made the room), and each browser then tried LiveKit itself.
    expect(fake.roomCalls.filter((m) => m === 'CreateRoom').length).toBeGreaterThanOrEqual(2);
    expect(fake.browserAttempts.some((p) => p.startsWith('/rtc'))).toBe(true);
    // Not the built-in call: no peer connection's video is on the page.
    expect(await specialist.locator('video[data-bytes-received]').count()).toBe(0);
    await visit(specialist, 'livekit-unreachable-specialist-en');
    await visit(client, 'livekit-unreachable-client-uk-375');

    const before = fake.roomCalls.length;
    const attempts = fake.browserAttempts.length;
    await specialist.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => fake.roomCalls.length).toBeGreaterThan(before);
    await expect.poll(() => fake.browserAttempts.length, { timeout: 30_000 }).toBeGreaterThan(attempts);
    await shows(specialist, 'Could not connect to the video service', 30_000);
  });

  it('the breathing guide and the shared scale still work over Tend’s own connection', async () => {
    await specialist.getByRole('button', { name: 'Start breathing with the guide' }).click();
    await expect.poll(() => client.getByTestId('session-breathing').getAttribute('data-running'), { timeout: 5000 }).toBe('true');
    await specialist.getByRole('button', { name: 'Stop the guide' }).click();
    await expect.poll(() => client.getByTestId('session-breathing').count()).toBe(0);
    await client.getByRole('slider').focus();
    // One step at a time: the server checks each move on its own, so two moves sent together may arrive swapped.
    for (let value = 1; value <= 4; value++) {
      await client.keyboard.press('ArrowRight');
      await expect.poll(() => specialist.getByTestId('shared-scale').getAttribute('data-value'), { timeout: 5000 }).toBe(String(value));
    }
    await shows(specialist, `${clientName} moved it to 4`);
    await shows(client, 'Зараз: 4 з 10');
  });

  it('when Tend cannot get a room from LiveKit, the page says so with a retry, and the retry gets through', async () => {
    fake.failRooms(true);
    await specialist.reload();
    await shows(specialist, 'The video service did not answer. Try again in a moment; the session tools and the chat keep working.', 20_000);
    await shows(specialist, 'Could not connect to the video service');
    await visit(specialist, 'livekit-no-room-specialist-en');
    fake.failRooms(false);
    await specialist.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(visible(specialist, 'The video service did not answer.'), { timeout: 20_000 }).toBe(false);
    // Now Tend has a room and a token; the browser still cannot reach LiveKit and says so.
    await shows(specialist, 'Could not connect to the video service', 30_000);
    await expect.poll(() => specialist.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  });

  it('the specialist ends the session from the error state; the client is told it has ended', async () => {
    await specialist.getByRole('button', { name: 'End session' }).click();
    await specialist.getByRole('dialog').getByRole('button', { name: 'End session' }).click();
    await specialist.waitForURL(`${server.baseUrl}/sessions/${sessionId}/after`);
    await shows(client, 'Сесію завершено');
    await expect.poll(() => fake.roomCalls.includes('DeleteRoom')).toBe(true);
    await staff.close();
    await mine.close();
  });
});
