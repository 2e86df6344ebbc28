import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { signIn, visible, visit } from '../flows';
import { invite } from '../practice';

const baseUrl = inject('baseUrl');
const clientEmail = 'client1@demo.tend.local';
/** With no care team yet, an SOS goes to the practice's crisis contacts: its administrator. */
const adminEmail = 'admin@demo.tend.local';
/** A client of this spec's own, with no case: with no care team, an SOS goes to the practice's crisis contacts (the admin). */
const caseFreeClientEmail = `sos-client-${Date.now()}@example.test`;
const caseFreeClientPassword = 'a long and quiet river';
const desktop = { width: 1280, height: 900 };
const phone = { width: 375, height: 812 };
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
  await invite(caseFreeClientEmail, 'client', 'Oksana Hrytsenko', caseFreeClientPassword);
});
afterAll(() => browser?.close());

/** Mantine's switch hides the checkbox under its track, so a person (and the test) uses the keyboard. */
async function toggle(page: Page, name: string) {
  await page.getByRole('switch', { name, exact: true }).focus();
  await page.keyboard.press('Space');
}
const isOn = (page: Page, name: string) => page.getByRole('switch', { name, exact: true }).isChecked();

describe('notification settings: channels per category, quiet hours, this device, the delivery log', () => {
  it('a client turns off message emails, sets quiet hours, and finds both kept after a reload', async () => {
    const context = await newContext(browser, { viewport: desktop, timezoneId: 'Europe/Kyiv' });
    const page = await signIn(context, clientEmail);
    await page.getByRole('link', { name: 'Notification settings' }).first().click();
    await page.waitForURL(/\/account\/notifications$/);
    await expect.poll(visible(page, 'How we reach you')).toBe(true);

    // Crisis email cannot be turned off, and the page says why.
    const crisisEmail = page.getByRole('switch', { name: 'Crisis by Email', exact: true });
    expect(await crisisEmail.isChecked()).toBe(true);
    expect(await crisisEmail.isDisabled()).toBe(true);
    expect(await crisisEmail.getAttribute('aria-describedby')).toBeTruthy();
    await expect.poll(visible(page, 'Crisis email is always on: the practice must be able to reach you in a crisis.')).toBe(true);

    // Crisis SMS is on by default and the demo client has no phone number: the page points to the profile.
    await expect.poll(visible(page, 'Text messages need a phone number')).toBe(true);
    expect(await page.getByRole('link', { name: 'Add a phone number in your profile' }).getAttribute('href')).toBe('/account');

    expect(await isOn(page, 'Messages by Email')).toBe(true);
    await toggle(page, 'Messages by Email');
    expect(await isOn(page, 'Messages by Email')).toBe(false);

    // The zone defaults to the browser's; a window that starts and ends at the same time is refused by the server.
    // Chromium still calls it Europe/Kiev; the page uses the zone's current name.
    const zone = 'Europe/Kyiv';
    expect(await page.getByLabel('Time zone').inputValue()).toBe(zone);
    await page.getByLabel('From', { exact: true }).fill('22:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(visible(page, 'Enter both times, or clear quiet hours.')).toBe(true);
    await page.getByLabel('Until', { exact: true }).fill('22:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(visible(page, 'Quiet hours must start and end at different times.')).toBe(true);
    await visit(page, 'notification-settings-refused-en');

    await page.getByLabel('Until', { exact: true }).fill('07:00');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(visible(page, 'Notification settings saved.')).toBe(true);
    await expect.poll(visible(page, 'Quiet hours must start and end at different times.')).toBe(false);

    await page.reload();
    await expect.poll(visible(page, 'How we reach you')).toBe(true);
    expect(await isOn(page, 'Messages by Email')).toBe(false);
    expect(await isOn(page, 'Messages by Push')).toBe(true);
    expect(await isOn(page, 'Crisis by Email')).toBe(true);
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('22:00');
    expect(await page.getByLabel('Until', { exact: true }).inputValue()).toBe('07:00');
    expect(await page.getByLabel('Time zone').inputValue()).toBe(zone);

    // The delivery log renders: its rows, or the words for none yet.
    await expect.poll(visible(page, 'Every email, text message and push notification Tend sent you')).toBe(true);
    const logTable = page.getByRole('region', { name: 'Delivery log, table' });
    await expect.poll(async () => (await logTable.count()) === 1 || (await visible(page, 'Nothing has been sent to you outside the app yet.')())).toBe(true);
    await visit(page, 'notification-settings-en');

    await page.setViewportSize(phone);
    await visit(page, 'notification-settings-en-375');
    await context.close();
  });

  it('turning on push on this device reaches the permission, then says clearly when it cannot subscribe', async () => {
    const context = await newContext(browser, { viewport: phone });
    const page = await signIn(context, clientEmail);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.goto(`${baseUrl}/account/notifications`);
    await expect.poll(visible(page, 'This device does not receive push notifications.')).toBe(true);

    // Headless Chromium does not ask: the permission is refused, and the page says what to do.
    await page.getByRole('button', { name: 'Turn on notifications on this device' }).click();
    await expect.poll(visible(page, /^(The browser blocked notifications|Notifications were not allowed)/), { timeout: 10_000 }).toBe(true);

    // With the permission given, subscribing needs the browser's push service, which this closed network lacks.
    await context.grantPermissions(['notifications'], { origin: baseUrl });
    await page.reload();
    await page.getByRole('button', { name: 'Turn on notifications on this device' }).click();
    await expect
      .poll(async () => (await visible(page, /^Could not subscribe this device/)()) || (await visible(page, 'This device receives push notifications.')()), {
        timeout: 30_000,
      })
      .toBe(true);
    await expect.poll(visible(page, 'How we reach you')).toBe(true);
    await visit(page, 'notification-settings-push-en-375');

    // Signing out still works with push in any state.
    await page.getByRole('button', { name: /account menu$/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    expect(await page.evaluate(async () => (await (await navigator.serviceWorker.getRegistration('/'))?.pushManager.getSubscription()) ?? null)).toBeNull();
    await context.close();
  });

  it('the service worker shows a pushed notification with its title, tag and link, an urgent one until acted on', async () => {
    const context = await newContext(browser, { viewport: phone, permissions: ['notifications'] });
    const page = await signIn(context, clientEmail);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    // DevTools can hand the worker a push message as a push service would, with no push service.
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) =>
      cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
        const ours = registrations.find((r) => r.scopeURL === `${baseUrl}/` && !r.isDeleted);
        if (ours) resolve(ours.registrationId);
      }),
    );
    await cdp.send('ServiceWorker.enable');
    const payload = { title: 'SOS: a client needs help now', link: '/crisis/alerts/1', urgent: true, tag: 'crisis.alert' };
    const push = { origin: baseUrl, registrationId: await registrationId, data: JSON.stringify(payload) };
    await cdp.send('ServiceWorker.deliverPushMessage', push);
    const shown = () =>
      page.evaluate(async () =>
        (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
          title: n.title,
          tag: n.tag,
          link: (n.data as { link?: string } | null)?.link,
          requireInteraction: n.requireInteraction,
        })),
      );
    // Under a loaded CI run DevTools once dropped the message (the worker showed nothing in 10 s, and the spec
    // passes alone). A push service redelivers too; the same tag replaces, so one notification is still expected.
    const shownOrRedeliver = async () => {
      const notifications = await shown();
      if (notifications.length === 0) await cdp.send('ServiceWorker.deliverPushMessage', push);
      return notifications;
    };
    await expect
      .poll(shownOrRedeliver, { timeout: 20_000, interval: 2000 })
      .toEqual([{ title: payload.title, tag: payload.tag, link: payload.link, requireInteraction: true }]);
    await context.close();
  });

  it("a client's SOS shows in the crisis contact's delivery log, channel by channel", async () => {
    const clientContext = await newContext(browser, { viewport: desktop });
    const client = await signIn(clientContext, caseFreeClientEmail, caseFreeClientPassword);
    await client.getByRole('link', { name: /^SOS/ }).click();
    await expect.poll(visible(client, 'Your care team has been alerted'), { timeout: 15_000 }).toBe(true);
    await clientContext.close();

    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, adminEmail);
    await page.goto(`${baseUrl}/account/notifications`);
    const log = page.getByRole('region', { name: 'Delivery log, table' });
    await log.waitFor({ timeout: 15_000 });
    const rows = log.getByRole('row');
    await expect.poll(() => rows.filter({ hasText: 'Crisis' }).filter({ hasText: 'Push' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await expect.poll(() => rows.filter({ hasText: 'Crisis' }).filter({ hasText: 'SMS' }).count()).toBeGreaterThan(0);
    // Without a subscribed device the push is skipped, and the log says why.
    await page.reload();
    await expect.poll(() => rows.filter({ hasText: 'No device has push turned on' }).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await visit(page, 'notification-settings-delivery-log-en');
    await page.setViewportSize(phone);
    await visit(page, 'notification-settings-delivery-log-en-375');
    await context.close();
  });

  it('reads in Ukrainian, on a phone in the dark and on a desktop', async () => {
    const context = await newContext(browser, { viewport: phone, language: 'uk', colorScheme: 'dark' });
    const page = await signIn(context, clientEmail);
    await page.goto(`${baseUrl}/account/notifications`);
    await expect.poll(visible(page, 'Як ми з вами зв’язуємося')).toBe(true);
    await expect.poll(visible(page, 'Кризові сповіщення не зважають на тихі години: вони надходять одразу.')).toBe(true);
    expect(await page.getByRole('switch', { name: 'Криза: Пошта', exact: true }).isDisabled()).toBe(true);
    await visit(page, 'notification-settings-uk-dark-375');
    await page.setViewportSize(desktop);
    await visit(page, 'notification-settings-uk-dark');
    await context.close();
  });
});
