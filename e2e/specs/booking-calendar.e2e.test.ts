import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist1@demo.tend.local';
const specialistName = 'Андрій Шевченко';
const clientName = 'Ірина Бондар';
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
const zone = 'Europe/Kyiv';
// Chromium's ICU may still call it by its old name.
const zoneNamed = /Europe\/Kyiv/;
let browser: Browser;
let bookingPath = '';
let booked: { id: string; starts_at: string } = { id: '', starts_at: '' };

type Appointment = { id: string; starts_at: string; status: string; client_name?: string };

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

type Options = { viewport?: typeof desktop; language?: 'en' | 'uk'; colorScheme?: 'light' | 'dark' };

async function open(email: string, options: Options = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await newContext(browser, { viewport: desktop, language: 'en', timezoneId: zone, ...options });
  return { context, page: await signIn(context, email) };
}

/** The signed-in person's appointments over the next two months, read through the API the pages use. */
function appointmentsOf(page: Page): Promise<Appointment[]> {
  return page.evaluate(async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const res = await fetch(`/api/v1/scheduling/appointments?from=${from}&to=${to}`, { credentials: 'include' });
    return (await res.json()).data;
  });
}

const timeButtons = (page: Page) => page.getByRole('group', { name: /^Free times on / }).getByRole('button');

/** The second day with free times: whole whatever the hour the run starts (the first and last days of a week may be cut short). */
async function chooseWholeDay(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Days with free times' }).getByRole('button').nth(1).click();
  await expect.poll(() => timeButtons(page).count()).toBeGreaterThanOrEqual(6);
}

describe('booking a session and moving it on the calendar', () => {
  it('the specialist finds their booking link on the calendar page; a client outside the booking role is told why they cannot book', async () => {
    const { context, page } = await open(specialistEmail);
    await page.goto(`${baseUrl}/calendar`);
    const link = await page.getByLabel('Your booking link').inputValue();
    bookingPath = new URL(link).pathname;
    expect(bookingPath).toMatch(/^\/book\/[0-9a-f-]{36}$/);
    await expect.poll(visible(page, zoneNamed)).toBe(true);
    await visit(page, 'calendar-empty-en');
    // The link is for clients: the specialist opening it is told so, not shown a blank page.
    await page.goto(`${baseUrl}${bookingPath}`);
    await expect.poll(visible(page, /^Booking pages are for clients/)).toBe(true);
    await context.close();
  });

  it('someone not signed in who opens the link signs in and comes back to it', async () => {
    const context = await newContext(browser, { viewport: desktop, timezoneId: zone });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${bookingPath}`);
    await page.waitForURL(/\/sign-in\?next=/);
    await page.locator('input[type=email]').fill('client1@demo.tend.local');
    await page.locator('input[type=password]').fill(inject('demoPassword'));
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.pathname === bookingPath);
    await expect.poll(visible(page, `Book a session with ${specialistName}`)).toBe(true);
    await context.close();
  });

  it('a client books a free time in their own zone with one confirm step; a second client trying the same time is told it was just taken', async () => {
    const first = await open('client1@demo.tend.local');
    const second = await open('client2@demo.tend.local');
    // With no case yet, "Book a session" says how to get a link instead of an empty page.
    await second.page.goto(`${baseUrl}/book`);
    await expect.poll(visible(second.page, /^You have no specialist to book with yet/)).toBe(true);
    await visit(second.page, 'book-index-en');
    for (const page of [first.page, second.page]) {
      await page.goto(`${baseUrl}${bookingPath}`);
      await expect.poll(visible(page, `Book a session with ${specialistName}`)).toBe(true);
      await expect.poll(visible(page, zoneNamed)).toBe(true);
      await timeButtons(page).first().waitFor();
      await chooseWholeDay(page);
    }
    await visit(first.page, 'booking-en');
    // Both look at the same list; the first client takes its second time.
    const target = timeButtons(first.page).nth(1);
    const label = (await target.getAttribute('aria-label')) as string;
    await target.click();
    const dialog = first.page.getByRole('dialog', { name: 'Confirm your booking' });
    await expect.poll(() => dialog.getByText(`with ${specialistName}`).isVisible()).toBe(true);
    await first.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectAccessible(first.page, 'booking-confirm-en');
    await dialog.getByRole('button', { name: 'Confirm booking' }).click();
    await first.page.waitForURL(/\/my-appointments$/);
    const mine = await appointmentsOf(first.page);
    expect(mine).toHaveLength(1);
    booked = mine[0] as Appointment;
    await expect.poll(visible(first.page, 'Coming up')).toBe(true);
    await expect.poll(() => first.page.getByRole('listitem').filter({ hasText: 'Scheduled' }).count()).toBe(1);
    await visit(first.page, 'my-appointments-en');

    // The second client still sees the time in their list, picks it and is told plainly; the list refreshes without it.
    await second.page.getByRole('button', { name: label }).click();
    await second.page.getByRole('dialog', { name: 'Confirm your booking' }).getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(visible(second.page, 'Someone has just booked that time. The free times are updated: please pick another.')).toBe(true);
    await expect.poll(() => second.page.getByRole('button', { name: label }).count()).toBe(0);
    expect(await appointmentsOf(second.page)).toHaveLength(0);
    await visit(second.page, 'booking-slot-taken-en');
    await first.context.close();
    await second.context.close();
  });

  it('the specialist sees it in the week, moves it by keyboard, then by drag; a drop on a closed hour is put back with the reason', async () => {
    const { context, page } = await open(specialistEmail);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(booked.starts_at));
    await page.goto(`${baseUrl}/calendar?date=${day}`);
    const event = page.locator('.fc-event', { hasText: clientName });
    await event.first().waitFor();
    await visit(page, 'calendar-week-en');

    // Keyboard: the list below the grid opens the session; "Reschedule…" offers the free times.
    const details = page.getByRole('button', { name: new RegExp(`^Session details \\(${clientName}`) });
    await details.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Session details' });
    await expect.poll(() => dialog.getByText(clientName).isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText('Scheduled').isVisible()).toBe(true);
    await dialog.getByRole('button', { name: 'Reschedule…' }).focus();
    await page.keyboard.press('Enter');
    const move = page.getByRole('dialog', { name: 'Move to another time' });
    await timeButtons(page).first().waitFor();
    await chooseWholeDay(page);
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectAccessible(page, 'calendar-reschedule-en');
    const next = timeButtons(page).nth(2);
    await next.focus();
    await page.keyboard.press('Enter');
    await move.getByRole('button', { name: 'Move session' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appointmentsOf(page)).find((a) => a.id === booked.id)?.starts_at).not.toBe(booked.starts_at);
    const afterKeyboard = (await appointmentsOf(page)).find((a) => a.id === booked.id) as Appointment;
    expect(afterKeyboard.status).toBe('scheduled');

    // Drag: onto 15:00 of the same day in the week grid.
    await page.goto(`${baseUrl}/calendar?date=${new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(afterKeyboard.starts_at))}`);
    const moved = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(afterKeyboard.starts_at));
    await dragTo(page, moved, '15:00:00');
    await expect
      .poll(async () => {
        const now = (await appointmentsOf(page)).find((a) => a.id === booked.id);
        return now ? new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(now.starts_at)) : null;
      })
      .toBe('15:00');
    const afterDrag = (await appointmentsOf(page)).find((a) => a.id === booked.id) as Appointment;

    // A drop on 07:00, before opening hours: the server refuses, the session goes back, and the page says why.
    await dragTo(page, moved, '07:00:00');
    await expect.poll(visible(page, /^The session stayed where it was\. The specialist is not available at that time/)).toBe(true);
    expect((await appointmentsOf(page)).find((a) => a.id === booked.id)?.starts_at).toBe(afterDrag.starts_at);
    booked = afterDrag;
    await page.getByRole('button', { name: 'Close' }).first().click();
    await visit(page, 'calendar-after-move-en');
    await context.close();
  });

  it('the client sees the new time in their appointments', async () => {
    const { context, page } = await open('client1@demo.tend.local');
    await page.goto(`${baseUrl}/my-appointments`);
    const when = new Intl.DateTimeFormat('en', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: zone,
      timeZoneName: 'short',
    }).format(new Date(booked.starts_at));
    await expect.poll(visible(page, when)).toBe(true);
    await context.close();
  });

  it('the specialist books a client of their caseload from the calendar (POST /api/v1/sessions); the client cancels it, warned of the late fee inside 24 hours', async () => {
    const { context, page } = await open(specialistEmail);
    // A case makes Taras part of this specialist's caseload; the picker offers only such clients.
    // (client3 stays without a case: the notification settings spec relies on it.)
    await page.goto(`${baseUrl}/cases/new`);
    await page.getByLabel(/^Client/).selectOption({ label: 'Taras Melnyk (client2@demo.tend.local)' });
    await page.getByLabel(/^Title/).fill('Sleep and worry');
    await page.getByLabel(/^Jurisdiction/).fill('UA');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.goto(`${baseUrl}/calendar`);
    await page.getByRole('button', { name: 'Book for a client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book for a client' });
    await expect.poll(() => dialog.getByLabel('Client').inputValue()).not.toBe('');
    await timeButtons(page).first().waitFor();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectAccessible(page, 'calendar-book-for-client-en');
    await timeButtons(page).last().click();
    await dialog.getByRole('button', { name: 'Confirm booking' }).click();
    await expect.poll(visible(page, /^Taras Melnyk is booked for /)).toBe(true);
    await expect.poll(async () => (await appointmentsOf(page)).filter((a) => a.client_name === 'Taras Melnyk').length).toBe(1);
    await context.close();

    // Taras cancels it from his appointments; inside 24 hours the dialog warns about the fee first.
    const client = await open('client2@demo.tend.local');
    await client.page.goto(`${baseUrl}/my-appointments`);
    const [mine] = await appointmentsOf(client.page);
    const late = Date.parse(mine!.starts_at) - Date.now() < 24 * 3_600_000;
    await client.page.getByRole('button', { name: /^Cancel session \(/ }).click();
    const dialog2 = client.page.getByRole('dialog', { name: 'Cancel this session?' });
    await expect.poll(() => dialog2.getByText("Less than 24 hours' notice").isVisible()).toBe(late);
    await client.page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
    await expectAccessible(client.page, 'my-appointments-cancel-en');
    await dialog2.getByLabel('Reason (optional)').fill('Travelling that week');
    await dialog2.getByRole('button', { name: 'Cancel session' }).click();
    await expect.poll(visible(client.page, late ? /^The session is cancelled\. It was marked as a late cancellation/ : 'The session is cancelled.')).toBe(true);
    await expect.poll(async () => (await appointmentsOf(client.page))[0]?.status).toBe('cancelled');
    await expect.poll(visible(client.page, 'Past and cancelled')).toBe(true);
    await client.context.close();
  });

  it('the specialist sets hours: a window that ends before it starts is refused beside the field', async () => {
    const { context, page } = await open(specialistEmail);
    await page.goto(`${baseUrl}/availability`);
    const mondayOpens = page.getByLabel('Monday: From');
    await mondayOpens.waitFor();
    expect(await mondayOpens.inputValue()).toBe('09:00');
    await visit(page, 'availability-en');
    await mondayOpens.fill('18:00');
    await page.getByRole('button', { name: 'Save availability' }).click();
    await expect.poll(visible(page, 'A window ends after it starts')).toBe(true);
    await mondayOpens.fill('09:00');
    await page.getByRole('button', { name: 'Save availability' }).click();
    await expect.poll(visible(page, 'Availability saved.')).toBe(true);
    await context.close();
  });

  it('every scheduling page is accessible in Ukrainian and usable at 375 px (the calendar also in the dark)', async () => {
    const client = await open('client1@demo.tend.local', { viewport: phone, language: 'uk' });
    await client.page.goto(`${baseUrl}/book`);
    await expect.poll(visible(client.page, 'Записатися на сесію')).toBe(true);
    await visit(client.page, 'book-index-uk-375');
    await client.page.goto(`${baseUrl}${bookingPath}`);
    await timeButtons(client.page)
      .first()
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
    await client.page
      .getByRole('group', { name: /^Вільний час / })
      .getByRole('button')
      .first()
      .waitFor();
    await visit(client.page, 'booking-uk-375');
    await client.page.goto(`${baseUrl}/my-appointments`);
    await expect.poll(visible(client.page, 'Найближчі')).toBe(true);
    await visit(client.page, 'my-appointments-uk-375');
    await client.page.goto(`${baseUrl}/book/01900000-0000-7000-8000-000000000000`);
    await expect.poll(visible(client.page, /^Це посилання для запису не належить/)).toBe(true);
    await visit(client.page, 'booking-unknown-uk-375');
    await client.context.close();

    const specialist = await open(specialistEmail, { viewport: phone, language: 'uk', colorScheme: 'dark' });
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(booked.starts_at));
    await specialist.page.goto(`${baseUrl}/calendar?date=${day}`);
    await specialist.page.locator('.fc-event', { hasText: clientName }).first().waitFor();
    await visit(specialist.page, 'calendar-day-uk-dark-375');
    await specialist.page.goto(`${baseUrl}/availability`);
    await specialist.page.getByLabel('Понеділок: З').waitFor();
    await visit(specialist.page, 'availability-uk-dark-375');
    await specialist.context.close();
  });
});

/** Drags the client's session onto a time of a day in the week grid with the mouse, as a person would. */
async function dragTo(page: Page, date: string, time: string): Promise<void> {
  const event = page.locator('.fc-event', { hasText: clientName }).first();
  await event.scrollIntoViewIfNeeded();
  const from = (await event.boundingBox()) as { x: number; y: number; width: number; height: number };
  const column = (await page.locator(`td.fc-timegrid-col[data-date="${date}"]`).boundingBox()) as { x: number; width: number };
  const row = (await page.locator(`td.fc-timegrid-slot-lane[data-time="${time}"]`).boundingBox()) as { y: number; height: number };
  // Grab the event near its top, so the drop point is where its start lands.
  const grab = { x: from.x + from.width / 2, y: from.y + 4 };
  await page.mouse.move(grab.x, grab.y);
  await page.mouse.down();
  const target = { x: column.x + column.width / 2, y: row.y + 4 };
  await page.mouse.move(grab.x + 5, grab.y + 5, { steps: 3 });
  await page.mouse.move(target.x, target.y, { steps: 15 });
  await page.mouse.up();
}
