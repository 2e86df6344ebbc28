import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext } from '../browser';
import { signIn, visit } from '../flows';

const baseUrl = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

describe('a practice grows', () => {
  it('org admin invites a specialist, who accepts from the dev mailbox link and lands on the specialist home', async () => {
    const invitee = `new-specialist-${Date.now()}@example.test`;

    const adminContext = await newContext(browser, { locale: 'en-US' });
    const admin = await signIn(adminContext, 'admin@demo.tend.local');
    await visit(admin, 'org-home');
    await admin.goto(`${baseUrl}/org/invitations`);
    await admin.getByLabel('Email').fill(invitee);
    await admin.getByLabel('Role').selectOption('specialist');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => admin.getByRole('cell', { name: invitee }).first().isVisible()).toBe(true);
    await visit(admin, 'org-invitations');
    await admin.goto(`${baseUrl}/org/members`);
    await visit(admin, 'org-members');
    await admin.goto(`${baseUrl}/org/audit`);
    await visit(admin, 'org-audit');
    // A long audit log (every profile read adds a row): past 1,000 rows the pager says "more than" and pages on.
    for (let batch = 0; batch < 51; batch++) {
      await Promise.all(Array.from({ length: 20 }, () => adminContext.request.get(`${baseUrl}/api/v1/me`)));
    }
    await admin.reload();
    await expect.poll(() => admin.getByText('More than 1000 entries').isVisible()).toBe(true);
    await admin.getByRole('button', { name: 'Next page' }).click();
    await expect.poll(() => admin.getByRole('button', { name: 'Page 2', exact: true }).getAttribute('aria-current')).toBe('page');
    await visit(admin, 'org-audit-long');
    await adminContext.close();

    const platformContext = await newContext(browser, { locale: 'en-US' });
    const platform = await signIn(platformContext, 'platform@demo.tend.local');
    await visit(platform, 'admin-home');
    await platform.goto(`${baseUrl}/admin/mail`);
    await expect.poll(() => platform.getByText(invitee).first().isVisible(), { timeout: 15_000 }).toBe(true);
    await visit(platform, 'admin-mailbox');
    await platform
      .getByRole('row', { name: new RegExp(invitee.replaceAll('.', '\\.')) })
      .getByRole('link')
      .click();
    const link = platform.getByRole('link', { name: /\/invitations\/accept\?token=/ });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toContain('/invitations/accept?token=');
    await visit(platform, 'admin-mail-message');
    await platform.goto(`${baseUrl}/admin/audit`);
    await platform
      .getByRole('button', { name: /verify/i })
      .first()
      .click();
    await expect
      .poll(
        () =>
          platform
            .getByText(/intact|no changes|verified/i)
            .first()
            .isVisible(),
        { timeout: 15_000 },
      )
      .toBe(true);
    await visit(platform, 'admin-audit-verified');
    await platform.goto(`${baseUrl}/admin/orgs`);
    await visit(platform, 'admin-orgs');
    await platformContext.close();

    const specialistContext = await newContext(browser, { locale: 'en-US' });
    const specialist = await specialistContext.newPage();
    await specialist.goto(href as string);
    await expect.poll(() => specialist.getByText('Demo Practice').first().isVisible()).toBe(true);
    await visit(specialist, 'invitation-accept');
    await specialist.getByLabel('Name').fill('Dr Nova Specialist');
    await specialist.getByLabel(/^Password/).fill('a quiet forest path');
    await specialist.getByRole('button', { name: 'Create account and join' }).click();
    await specialist.waitForURL(/\/specialist/);
    await expect.poll(() => specialist.getByRole('heading', { name: 'Specialist home' }).isVisible()).toBe(true);
    await visit(specialist, 'specialist-home');
    await specialistContext.close();
  });
});
