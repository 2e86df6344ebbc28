import crypto from 'node:crypto';
import ICAL from 'ical.js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { expectAccessible, launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';
import { api, type Auth, invite, login } from '../practice';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist1@demo.tend.local';
const specialistName = 'Андрій Шевченко';
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
const zone = 'Europe/Kyiv';
const password = 'Waitlist-series-e2e-2026!';
const tag = crypto.randomBytes(3).toString('hex');
// A client who waits for a freed time, and one whose booking frees it; neither is touched by another spec.
const waiting = { email: `waiting-${tag}@demo.tend.local`, name: 'Olena Waitlist' };
const booker = { email: `booker-${tag}@demo.tend.local`, name: 'Petro Booker' };

type Appointment = { id: string; starts_at: string; status: string; series_id: string | null; client_name?: string };
type SessionType = { id: string; active: boolean };

let browser: Browser;
let specialist: Auth;
let admin: Auth;
let waitingAuth: Auth;
let bookerAuth: Auth;
let freed: Appointment;

beforeAll(async () => {
  browser = await launch();
  [specialist, admin] = [await login(specialistEmail), await login('admin@demo.tend.local')];
  waitingAuth = await invite(waiting.email, 'client', waiting.name, password);
  bookerAuth = await invite(booker.email, 'client', booker.name, password);
  // A case puts the waiting client in the specialist's caseload, so the specialist can book a series for her.
  await api('POST', '/api/v1/cases', specialist.access_token, { client_user_id: waitingAuth.user.id, title: 'Weekly sessions', jurisdiction: 'UA' });
  // The other client takes a free time within the week; cancelling it later frees it for the waitlist.
  freed = await bookerTakesFirstFreeTime(26 * 3_600_000, 6 * 86_400_000);
});

/** The booker books the specialist's first free time between `fromMs` and `toMs` from now. */
async function bookerTakesFirstFreeTime(fromMs: number, toMs: number): Promise<Appointment> {
  const [type] = (await api<SessionType[]>('GET', `/api/v1/scheduling/session-types?specialist_id=${specialist.user.id}`, bookerAuth.access_token)).filter(
    (x) => x.active,
  );
  const from = new Date(Date.now() + fromMs).toISOString();
  const to = new Date(Date.now() + toMs).toISOString();
  const slots = await api<{ start: string }[]>(
    'GET',
    `/api/v1/scheduling/slots?specialist_id=${specialist.user.id}&session_type_id=${type!.id}&from=${from}&to=${to}&timezone=${zone}`,
    bookerAuth.access_token,
  );
  return api<Appointment>('POST', '/api/v1/scheduling/book', bookerAuth.access_token, {
    specialist_id: specialist.user.id,
    session_type_id: type!.id,
    starts_at: slots[0]!.start,
  });
}

/** The offer is made by a background job after the cancellation commits: reload until it shows. */
async function offerShown(page: Page): Promise<void> {
  await expect
    .poll(
      async () => {
        if (await page.getByText('A time has opened up for you').isVisible()) return true;
        await page.reload();
        return false;
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(true);
}

afterAll(async () => {
  // Other specs expect the default 24-hour window.
  if (admin) await api('PATCH', `/api/v1/orgs/${admin.user.active_org_id}`, admin.access_token, { late_cancellation_hours: 24 });
  await browser?.close();
});

const settled = (page: Page) => page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
const timeButtons = (page: Page) => page.getByRole('group', { name: /^Free times on / }).getByRole('button');

async function open(email: string, options: { viewport?: typeof desktop; language?: 'en' | 'uk'; pass?: string } = {}) {
  const context: BrowserContext = await newContext(browser, { viewport: options.viewport ?? desktop, language: options.language ?? 'en', timezoneId: zone });
  return { context, page: await signIn(context, email, options.pass) };
}

function appointmentsOf(page: Page): Promise<Appointment[]> {
  return page.evaluate(async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const res = await fetch(`/api/v1/scheduling/appointments?from=${from}&to=${to}`, { credentials: 'include' });
    return (await res.json()).data;
  });
}

describe('waitlist, recurring series and the calendar feed', () => {
  it('a client who finds no time that suits joins the waitlist from the booking page; the specialist sees her waiting', async () => {
    const { context, page } = await open(waiting.email, { pass: password });
    await page.goto(`${baseUrl}/book/${specialist.user.id}`);
    await expect.poll(visible(page, 'No time that suits you?')).toBe(true);
    await timeButtons(page).first().waitFor();
    await page.getByRole('button', { name: 'Join the waitlist' }).click();
    await expect.poll(visible(page, `You are on the waitlist of ${specialistName}.`)).toBe(true);
    await expect.poll(() => page.getByRole('link', { name: 'See your waitlist places' }).isVisible()).toBe(true);
    await visit(page, 'waitlist-joined-en');
    await context.close();

    const staff = await open(specialistEmail);
    await staff.page.goto(`${baseUrl}/calendar`);
    const list = staff.page.getByRole('region', { name: 'Waitlist' });
    await expect.poll(() => list.getByText(waiting.name).isVisible()).toBe(true);
    await staff.context.close();
  });

  it('a cancelled booking is offered to her; she books it on her appointments page, warned by the practice window', async () => {
    // The practice's window set by its admin is the one the client is warned with.
    const settings = await open('admin@demo.tend.local');
    await settings.page.goto(`${baseUrl}/org/settings`);
    const window = settings.page.getByLabel('Late-cancellation window, hours');
    await window.fill('168');
    await settings.page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(
        async () =>
          (await api<{ late_cancellation_hours: number }>('GET', `/api/v1/orgs/${admin.user.active_org_id}`, admin.access_token)).late_cancellation_hours,
      )
      .toBe(168);
    await visit(settings.page, 'org-settings-late-window-en');
    await settings.context.close();

    await api('POST', `/api/v1/scheduling/appointments/${freed.id}/cancel`, bookerAuth.access_token, { reason: 'Cannot come' });
    const { context, page } = await open(waiting.email, { pass: password });
    await page.goto(`${baseUrl}/my-appointments`);
    await offerShown(page);
    await visit(page, 'waitlist-offer-en');
    await page.getByRole('button', { name: 'Book this time' }).click();
    await expect.poll(async () => (await appointmentsOf(page)).map((a) => a.starts_at)).toEqual([freed.starts_at]);
    await expect.poll(() => page.getByText('A time has opened up for you').count()).toBe(0);
    // Inside the week-long window the cancel dialog names the practice's own number of hours.
    await page.getByRole('button', { name: /^Cancel session \(/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Cancel this session?' });
    await expect.poll(() => dialog.getByText("Less than 168 hours' notice").isVisible()).toBe(true);
    await settled(page);
    await expectAccessible(page, 'late-window-warning-en');
    await dialog.getByRole('button', { name: 'Keep the session' }).click();
    await context.close();
  });

  it('the specialist books her a weekly series; the calendar shows each occurrence and cancelling one leaves the others', async () => {
    const { context, page } = await open(specialistEmail);
    await page.goto(`${baseUrl}/calendar`);
    await page.getByRole('button', { name: 'Book for a client' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book for a client' });
    await dialog.getByLabel('Client').selectOption({ label: waiting.name });
    await timeButtons(page).first().waitFor();
    await page.getByRole('group', { name: 'Days with free times' }).getByRole('button').nth(2).click();
    let series: Appointment[] = [];
    // The latest times of the day first; a time another spec's session holds in a later week is refused as a whole, so try the next.
    for (let attempt = 1; attempt <= 4 && series.length === 0; attempt++) {
      const count = await timeButtons(page).count();
      await timeButtons(page)
        .nth(count - attempt)
        .click();
      await dialog.getByLabel('Repeat').selectOption({ label: 'Every week' });
      await dialog.getByLabel('Number of sessions (2–52)').fill('3');
      if (attempt === 1) {
        await settled(page);
        await expectAccessible(page, 'calendar-book-series-en');
      }
      await dialog.getByRole('button', { name: 'Confirm booking' }).click();
      await expect.poll(async () => (await page.getByText(/^3 sessions booked for/).isVisible()) || (await dialog.getByRole('alert').isVisible())).toBe(true);
      series = (await appointmentsOf(page)).filter((a) => a.client_name === waiting.name && a.series_id !== null);
      if (series.length === 0) await dialog.getByRole('button', { name: 'Pick another time' }).click();
    }
    expect(series).toHaveLength(3);
    expect(new Set(series.map((a) => a.series_id)).size).toBe(1);
    const starts = series.map((a) => Date.parse(a.starts_at)).sort((a, b) => a - b);
    // A week apart in wall-clock time (no DST change between now and then in these weeks or not: 7 days ± 1 hour).
    for (let i = 1; i < starts.length; i++) expect(Math.abs(starts[i]! - starts[i - 1]! - 7 * 86_400_000)).toBeLessThanOrEqual(3_600_000);

    // The second occurrence in its own week of the calendar.
    const second = series.find((a) => Date.parse(a.starts_at) === starts[1]) as Appointment;
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date(second.starts_at));
    await page.goto(`${baseUrl}/calendar?date=${day}`);
    await page.locator('.fc-event', { hasText: waiting.name }).first().waitFor();
    await visit(page, 'calendar-series-week-en');
    await page.getByRole('button', { name: new RegExp(`^Session details \\(${waiting.name}`) }).click();
    const details = page.getByRole('dialog', { name: 'Session details' });
    await expect.poll(() => details.getByText('Series').isVisible()).toBe(true);
    await details.getByRole('button', { name: 'Cancel session' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel this session?' });
    await expect.poll(() => cancel.getByLabel('Cancel only this session').isChecked()).toBe(true);
    await settled(page);
    await expectAccessible(page, 'calendar-series-cancel-en');
    await cancel.getByRole('button', { name: 'Cancel session' }).click();
    await expect
      .poll(async () =>
        (await appointmentsOf(page))
          .filter((a) => a.series_id === second.series_id)
          .map((a) => `${a.starts_at}:${a.status}`)
          .sort(),
      )
      .toEqual(series.map((a) => `${a.starts_at}:${a.id === second.id ? 'cancelled' : 'scheduled'}`).sort());
    await context.close();
  });

  it('the specialist copies their calendar feed address, which serves text/calendar; a new address retires the old one', async () => {
    const { context, page } = await open(specialistEmail);
    await page.goto(`${baseUrl}/calendar`);
    const field = page.getByLabel('Calendar feed (iCalendar)');
    await expect.poll(() => field.inputValue()).toMatch(/\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const url = await field.inputValue();
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    expect(calendar.name).toBe('vcalendar');
    // The series (two left after the cancellation) and the accepted offer, among the specialist's others.
    expect(calendar.getAllSubcomponents('vevent').length).toBeGreaterThanOrEqual(3);
    await visit(page, 'calendar-feed-en');

    await page.getByRole('button', { name: 'New address' }).click();
    await page.getByRole('dialog', { name: 'Make a new feed address?' }).getByRole('button', { name: 'New address' }).click();
    await expect.poll(() => field.inputValue()).not.toBe(url);
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(await field.inputValue())).status).toBe(200);
    await context.close();
  });

  it('she passes on an offered time with "Not this time" and keeps her place; the time goes to the next in line', async () => {
    await api('POST', '/api/v1/scheduling/waitlist', waitingAuth.access_token, { specialist_id: specialist.user.id });
    const taken = await bookerTakesFirstFreeTime(8 * 86_400_000, 14 * 86_400_000);
    await api('POST', `/api/v1/scheduling/appointments/${taken.id}/cancel`, bookerAuth.access_token, { reason: 'Cannot come' });

    const { context, page } = await open(waiting.email, { pass: password });
    await page.goto(`${baseUrl}/my-appointments`);
    await offerShown(page);
    await page.getByRole('button', { name: 'Not this time' }).click();
    await expect.poll(visible(page, 'We have offered this time to the next person. You keep your place on the waitlist.')).toBe(true);
    await expect.poll(() => page.getByText('A time has opened up for you').count()).toBe(0);
    await expect.poll(() => page.getByRole('listitem', { name: new RegExp(specialistName) }).count()).toBeGreaterThan(0);
    expect((await appointmentsOf(page)).some((a) => a.starts_at === taken.starts_at)).toBe(false);
    await visit(page, 'waitlist-offer-declined-en');
    await context.close();
  });

  it('in Ukrainian at 375 px: the client’s appointments with her waitlist place, and the specialist’s calendar with the feed and the waitlist', async () => {
    // A fresh place on the list, so the Ukrainian page shows one.
    await api('POST', '/api/v1/scheduling/waitlist', waitingAuth.access_token, { specialist_id: specialist.user.id });
    const client = await open(waiting.email, { pass: password, viewport: phone, language: 'uk' });
    await client.page.goto(`${baseUrl}/my-appointments`);
    await expect.poll(visible(client.page, 'Мої списки очікування')).toBe(true);
    await visit(client.page, 'my-appointments-waitlist-uk-375');
    await client.context.close();

    const staff = await open(specialistEmail, { viewport: phone, language: 'uk' });
    await staff.page.goto(`${baseUrl}/calendar`);
    await expect.poll(() => staff.page.getByLabel('Стрічка календаря (iCalendar)').inputValue()).toMatch(/\.ics$/);
    await expect.poll(visible(staff.page, waiting.name)).toBe(true);
    await visit(staff.page, 'calendar-feed-waitlist-uk-375');
    await staff.context.close();
  });
});
