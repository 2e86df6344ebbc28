import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';
import { api, invite } from '../practice';

const baseUrl = inject('baseUrl');
const stamp = Date.now();
const password = 'a long and quiet river';
const specialistEmail = `after-specialist-${stamp}@example.test`;
const clientEmail = `after-client-${stamp}@example.test`;
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
let browser: Browser;
let sessionId = '';
let caseId = '';
let sectionLabels: string[] = [];

/** A zone where it is daytime now, so today's first free slot opens its waiting room at once. */
const zone = ['Europe/Kyiv', 'America/New_York', 'Asia/Tokyo'].find((z) => {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: z, hour: '2-digit', hourCycle: 'h23' }).format(new Date()));
  return hour >= 2 && hour < 20;
}) as string;

beforeAll(async () => {
  browser = await launch();
  const specialist = await invite(specialistEmail, 'specialist', 'Taras Melnyk', password);
  const client = await invite(clientEmail, 'client', 'Oksana Hrytsenko', password);
  const s = specialist.access_token;
  const allDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' }));
  await api('PUT', '/api/v1/scheduling/availability', s, {
    timezone: zone,
    rules: allDay,
    min_notice_minutes: 0,
    step_minutes: 15,
    buffer_after_minutes: 0,
    horizon_days: 60,
  });
  const type = await api<{ id: string }>('POST', '/api/v1/scheduling/session-types', s, {
    name: 'Video session',
    duration_minutes: 50,
    currency: 'UAH',
    modality: 'video',
  });
  caseId = (await api<{ id: string }>('POST', '/api/v1/cases', s, { client_user_id: client.user.id, title: `Sleep and worry ${stamp}`, jurisdiction: 'UA' }))
    .id;
  await api('POST', `/api/v1/cases/${caseId}/status`, s, { to: 'active' });
  const now = Date.now();
  const slots = await api<{ start: string }[]>(
    'GET',
    `/api/v1/scheduling/slots?specialist_id=${specialist.user.id}&session_type_id=${type.id}&from=${new Date(now).toISOString()}&to=${new Date(now + 3 * 3_600_000).toISOString()}`,
    client.access_token,
  );
  const booked = await api<{ id: string }>('POST', '/api/v1/scheduling/book', client.access_token, {
    specialist_id: specialist.user.id,
    session_type_id: type.id,
    starts_at: slots[0]?.start,
    case_id: caseId,
  });
  sessionId = booked.id;
  await api('POST', `/api/v1/sessions/${sessionId}/join`, client.access_token, { location: 'UA' });
  await api('POST', `/api/v1/sessions/${sessionId}/admit`, s);
  await api('POST', `/api/v1/sessions/${sessionId}/end`, s);
  const after = await api<{ template: { sections: { label_en: string }[] } }>('GET', `/api/v1/sessions/${sessionId}/after`, s);
  sectionLabels = after.template.sections.map((section) => section.label_en);
});
afterAll(() => browser?.close());

/** Pages here load several queries on a shared 2-core machine: give each check 10 s, not the default 1 s. */

describe('after the session', () => {
  it('the specialist starts the note from the case template, gives homework and books the same time next week', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail, password);
    await page.goto(`${baseUrl}/sessions/${sessionId}/after`);
    await expect.poll(() => page.getByRole('heading', { name: 'After the session', level: 1 }).isVisible()).toBe(true);
    await expect.poll(visible(page, 'Session with Oksana Hrytsenko')).toBe(true);
    await expect.poll(visible(page, /No feedback yet/)).toBe(true);
    await visit(page, 'after-session-en');

    await page.getByRole('button', { name: 'Start the note' }).click();
    await page.waitForURL(new RegExp(`/cases/${caseId}/notes/[0-9a-f-]{36}$`));
    for (const label of sectionLabels) await expect.poll(() => page.getByLabel(label, { exact: false }).first().isVisible()).toBe(true);
    const notePath = new URL(page.url()).pathname;

    await page.goto(`${baseUrl}/sessions/${sessionId}/after`);
    await page.getByRole('button', { name: 'Open the draft note' }).click();
    await page.waitForURL((url) => url.pathname === notePath);

    await page.goto(`${baseUrl}/sessions/${sessionId}/after`);
    await page.getByLabel('Task').fill('Sleep diary');
    await page.getByLabel('Instructions').fill('Write down when you go to bed and when you wake up.');
    await page.getByLabel('Due date').fill('2030-01-08');
    await page.getByRole('button', { name: 'Give this homework' }).click();
    const given = page.getByRole('region', { name: 'Assign homework' });
    await expect.poll(() => given.getByRole('listitem').filter({ hasText: 'Sleep diary' }).isVisible()).toBe(true);

    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect.poll(visible(page, /^Booked: /)).toBe(true);
    await visit(page, 'after-session-done-en');
    await context.close();
  });

  it('the client ticks the homework off and answers the feedback questions, on a phone in Ukrainian', async () => {
    const context = await newContext(browser, { language: 'uk', viewport: phone, isMobile: true, hasTouch: true });
    const page = await signIn(context, clientEmail, password);
    await page.goto(`${baseUrl}/my-homework`);
    await expect.poll(() => page.getByRole('heading', { name: 'Мої домашні завдання', level: 1 }).isVisible()).toBe(true);
    const box = page.getByRole('checkbox', { name: 'Виконано: Sleep diary' });
    await expect.poll(() => box.isVisible()).toBe(true);
    await visit(page, 'my-homework-uk-375');
    await box.check();
    await expect.poll(visible(page, /Виконано \d/)).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Виконано: Sleep diary' }).isChecked()).toBe(true);

    await page.goto(`${baseUrl}/sessions/${sessionId}/feedback`);
    await expect.poll(() => page.getByRole('heading', { name: 'Як пройшла сьогоднішня сесія?', level: 1 }).isVisible()).toBe(true);
    await visit(page, 'session-feedback-uk-375');
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await expect.poll(visible(page, 'Оберіть число для обох запитань.')).toBe(true);
    await page
      .getByRole('radiogroup', { name: /Наскільки корисною/ })
      .getByRole('radio', { name: '8', exact: true })
      .check();
    await page
      .getByRole('radiogroup', { name: /Чи відчували ви/ })
      .getByRole('radio', { name: '9', exact: true })
      .check();
    await page.getByLabel(/Що б ви хотіли сказати/).fill('Дякую, було корисно');
    await page.getByRole('button', { name: 'Надіслати' }).click();
    await expect.poll(visible(page, 'Дякуємо. Ваш фахівець побачить відповіді.')).toBe(true);
    await page.reload();
    await expect.poll(visible(page, 'Ви вже відповіли щодо цієї сесії.')).toBe(true);
    await visit(page, 'session-feedback-given-uk-375');
    await context.close();
  });

  it('the specialist sees the feedback on the after page and the case, also on a phone in Ukrainian', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail, password);
    await page.goto(`${baseUrl}/sessions/${sessionId}/after`);
    const feedback = page.getByRole('region', { name: "The client's feedback" });
    await expect.poll(() => feedback.getByText('8 of 10').isVisible()).toBe(true);
    await expect.poll(() => feedback.getByText('9 of 10').isVisible()).toBe(true);
    await expect.poll(() => feedback.getByText('Дякую, було корисно').isVisible()).toBe(true);
    await page.goto(`${baseUrl}/cases/${caseId}`);
    const onCase = page.getByRole('region', { name: "The client's feedback" });
    await expect.poll(() => onCase.getByText('8 of 10').isVisible()).toBe(true);
    await expect.poll(visible(page, 'Homework given (due 2030-01-08)')).toBe(true);
    await context.close();

    const uk = await newContext(browser, { language: 'uk', viewport: phone, isMobile: true, hasTouch: true });
    const phonePage = await signIn(uk, specialistEmail, password);
    await phonePage.goto(`${baseUrl}/sessions/${sessionId}/after`);
    await expect.poll(() => phonePage.getByRole('heading', { name: 'Після сесії', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => phonePage.getByText('8 з 10').isVisible()).toBe(true);
    const overflow = await phonePage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await visit(phonePage, 'after-session-uk-375');
    await uk.close();
  });
});
