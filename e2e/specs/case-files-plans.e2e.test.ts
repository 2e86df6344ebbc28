import fs from 'node:fs/promises';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, newContext, snapshot } from '../browser';
import { signIn, visible, visit } from '../flows';

const baseUrl = inject('baseUrl');
const specialistEmail = 'specialist1@demo.tend.local';
const clientEmail = 'client1@demo.tend.local';
const stamp = Date.now();
const caseTitle = `Panic attacks, CBT ${stamp}`;
const goalTitle = `Travel to work by metro again ${stamp}`;
const objectiveText = 'Ride one metro stop with the breathing exercise';
const desktop = { width: 1280, height: 900 };
let browser: Browser;
let casePath = '';

beforeAll(async () => {
  browser = await launch();
});
afterAll(() => browser?.close());

/** A minimal valid PDF: header, catalog, empty page tree, cross-reference table and trailer. */
function minimalPdf(): Buffer {
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>'];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG, to dress up as a PDF. */
function tinyPng(): Buffer {
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) {
      c ^= byte;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    Buffer.concat([Buffer.from(type), data]).copy(out, 4);
    out.writeUInt32BE(crc(Buffer.concat([Buffer.from(type), data])), 8 + data.length);
    return out;
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from('89504e470d0a1a0a', 'hex'),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const fileInput = (page: Page) => page.getByLabel('File to attach');

async function attach(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await fileInput(page).setInputFiles({ name, mimeType, buffer });
  await page.getByRole('button', { name: 'Upload', exact: true }).click();
}

describe('files and the treatment plan on a case', () => {
  it('a specialist uploads, downloads and is refused a disguised file; the timeline shows the upload', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail);
    await page.goto(`${baseUrl}/cases/new`);
    await page.getByLabel(/^Client/).selectOption({ label: `Ірина Бондар (${clientEmail})` });
    await page.getByLabel(/^Title/).fill(caseTitle);
    await page.getByLabel(/^Jurisdiction/).fill('UA');
    await page.getByRole('button', { name: 'Open case' }).click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    casePath = new URL(page.url()).pathname;
    await expect.poll(visible(page, 'No files yet.')).toBe(true);
    await visit(page, 'case-files-empty-en');

    const pdf = minimalPdf();
    await page.getByLabel('Share with the client', { exact: true }).check();
    await attach(page, 'referral.pdf', 'application/pdf', pdf);
    const files = page.getByRole('list', { name: 'Files on this case' });
    await expect.poll(() => files.getByText('referral.pdf').isVisible()).toBe(true);
    await expect.poll(() => files.getByText(/^\d+ B · added by Андрій Шевченко/).isVisible()).toBe(true);
    await expect.poll(() => files.getByText('Shared with the client').isVisible()).toBe(true);
    await expect.poll(visible(page, 'File added: referral.pdf')).toBe(true);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download referral.pdf' }).click()]);
    expect(download.suggestedFilename()).toBe('referral.pdf');
    expect(Buffer.compare(await fs.readFile(await download.path()), pdf)).toBe(0);

    // PNG bytes and plain text named .pdf: the server's 415 is shown, and nothing is added.
    await attach(page, 'scan.pdf', 'application/pdf', tinyPng());
    await expect.poll(visible(page, /content does not match its name or type/)).toBe(true);
    await visit(page, 'case-file-refused-en');
    await attach(page, 'notes.pdf', 'application/pdf', Buffer.from('Just some words, not a PDF.\n'));
    await expect.poll(visible(page, /content does not match its name or type/)).toBe(true);
    expect(await files.getByRole('listitem').count()).toBe(1);

    // On a slow line the upload shows how far along it is.
    const network = await context.newCDPSession(page);
    await network.send('Network.enable');
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 256 * 1024 });
    const assessment = Buffer.concat([minimalPdf(), Buffer.from(`%${'0'.repeat(1024 * 1024)}\n`)]);
    await attach(page, 'assessment.pdf', 'application/pdf', assessment);
    await page.getByRole('progressbar', { name: 'Upload progress' }).waitFor();
    await expect.poll(visible(page, /^Uploading… \d+%$/)).toBe(true);
    await snapshot(page, 'case-file-uploading-en');
    await expect.poll(() => files.getByText('assessment.pdf').isVisible(), { timeout: 30_000 }).toBe(true);
    // …and can be stopped midway: nothing is saved.
    await attach(page, 'draft.pdf', 'application/pdf', assessment);
    await page.getByRole('progressbar', { name: 'Upload progress' }).waitFor();
    await page.getByRole('button', { name: 'Cancel upload' }).click();
    await expect.poll(visible(page, 'Upload cancelled; nothing was saved.')).toBe(true);
    expect(await page.getByRole('progressbar', { name: 'Upload progress' }).count()).toBe(0);
    await network.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await page.reload();
    await expect.poll(() => files.getByText('assessment.pdf').isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await files.getByText('draft.pdf').count()).toBe(0);

    // Over 100 MB is refused before a byte is sent.
    let uploads = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/files')) uploads += 1;
    });
    await fileInput(page).evaluate((input: HTMLInputElement) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(100 * 1024 * 1024 + 1)], 'huge.pdf', { type: 'application/pdf' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.getByRole('button', { name: 'Upload', exact: true }).click();
    await expect.poll(visible(page, 'This file is larger than 100 MB. Split it or compress it, then try again.')).toBe(true);
    expect(uploads).toBe(0);
    await visit(page, 'case-files-en');
    await context.close();
  });

  it('a specialist writes a plan, records progress, meets a stale save and reads an earlier version', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, specialistEmail);
    await page.goto(`${baseUrl}${casePath}`);
    await page.getByRole('button', { name: 'Write a treatment plan' }).click();
    await page.getByLabel(/^Problem/).fill('Panic attacks on public transport');
    await page.getByLabel('Description or formulation').fill('Avoidance maintained by catastrophic misreading of palpitations.');
    const goal = page.getByRole('group', { name: 'Goal 1.1' });
    await goal.getByLabel(/^Goal/).fill(goalTitle);
    await goal.getByLabel('Target date').first().fill('2027-03-01');
    await goal.getByLabel('Status').first().selectOption('in_progress');
    await page.getByLabel(/^Objective/).fill(objectiveText);
    await page.getByLabel(/^How it is measured/).fill('3 rides a week for 4 weeks');
    await page.getByLabel(/^Intervention/).fill('Interoceptive exposure');
    await page.getByLabel(/^How often/).fill('weekly');
    await visit(page, 'plan-editor-en');
    await page.getByRole('button', { name: 'Save as version 1' }).click();
    await expect.poll(visible(page, /^Version 1, saved by Андрій Шевченко/)).toBe(true);

    await page.getByLabel('Goal or objective').selectOption({ label: `Objective: ${objectiveText}` });
    await page.getByLabel('Progress, %').fill('40');
    await page.getByLabel('Note (optional)').fill('Two rides this week.');
    await page.getByRole('button', { name: 'Record progress' }).click();
    await expect.poll(visible(page, /^40% — recorded by Андрій Шевченко/)).toBe(true);
    await visit(page, 'plan-en');

    // Someone else saves version 2 while this editor is open on version 1.
    await page.getByRole('button', { name: 'Edit the plan' }).click();
    const status = await page.evaluate(async (path) => {
      const headers = { 'content-type': 'application/json', 'x-csrf-token': decodeURIComponent(document.cookie.split('tend_csrf=')[1]?.split(';')[0] ?? '') };
      const current = (await (await fetch(`/api/v1${path}/treatment-plan`, { credentials: 'include' })).json()).data;
      const body = JSON.stringify({ base_version: current.version, problems: current.problems, review_date: '2027-04-01' });
      return (await fetch(`/api/v1${path}/treatment-plan`, { method: 'PUT', credentials: 'include', headers, body })).status;
    }, casePath);
    expect(status).toBe(200);
    await page.getByRole('button', { name: 'Save as version 2' }).click();
    await expect.poll(visible(page, 'Someone else changed this plan')).toBe(true);
    await visit(page, 'plan-conflict-en');
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect.poll(visible(page, /^Version 2, saved by/)).toBe(true);
    await page.getByRole('button', { name: 'Show version 1' }).click();
    // Version 1 opens as it was written: its goal inside that version's own entry, next to the current plan.
    const earlier = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Hide version 1' }) });
    await expect.poll(() => earlier.getByText(goalTitle).count()).toBe(1);
    await expect.poll(() => page.getByText(goalTitle).first().isVisible()).toBe(true);
    await visit(page, 'plan-versions-en');
    await context.close();
  });

  it('the client sees the goal and its progress, and the shared file among their documents', async () => {
    const context = await newContext(browser, { viewport: desktop });
    const page = await signIn(context, clientEmail);
    await page.goto(`${baseUrl}/my-goals`);
    await expect.poll(visible(page, goalTitle)).toBe(true);
    await expect.poll(visible(page, /— 40% of the way/)).toBe(true);
    await visit(page, 'my-goals-en');

    await page.goto(`${baseUrl}/my-care`);
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: caseTitle }) });
    await expect.poll(() => card.getByText('referral.pdf').isVisible()).toBe(true);
    // Not shared: neither the refused file nor the assessment the specialist kept to the care team.
    expect(await card.getByText('scan.pdf').count()).toBe(0);
    expect(await card.getByText('assessment.pdf').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: 'Download referral.pdf' }).click()]);
    expect(Buffer.compare(await fs.readFile(await download.path()), minimalPdf())).toBe(0);
    await visit(page, 'my-care-documents-en');
    await context.close();
  });

  it('looks right at 375 px, in Ukrainian and English, light and dark', async () => {
    for (const language of ['uk', 'en'] as const) {
      const context = await newContext(browser, { language, viewport: { width: 375, height: 812 } });
      const page = await signIn(context, specialistEmail);
      await page.goto(`${baseUrl}${casePath}`);
      await expect.poll(visible(page, 'referral.pdf')).toBe(true);
      await visit(page, `case-files-plan-${language}-375`);
      await page.getByRole('button', { name: language === 'uk' ? 'Змінити план' : 'Edit the plan' }).click();
      await visit(page, `plan-editor-${language}-375`);
      await context.close();

      const clientContext = await newContext(browser, { language, viewport: { width: 375, height: 812 } });
      const clientPage = await signIn(clientContext, clientEmail);
      await clientPage.goto(`${baseUrl}/my-care`);
      await expect.poll(visible(clientPage, 'referral.pdf')).toBe(true);
      await visit(clientPage, `my-care-documents-${language}-375`);
      await clientPage.goto(`${baseUrl}/my-goals`);
      await expect.poll(visible(clientPage, goalTitle)).toBe(true);
      await visit(clientPage, `my-goals-${language}-375`);
      await clientContext.close();
    }
    const dark = await newContext(browser, { language: 'uk', colorScheme: 'dark', viewport: desktop });
    const page = await signIn(dark, specialistEmail);
    await page.goto(`${baseUrl}${casePath}`);
    await expect.poll(visible(page, 'referral.pdf')).toBe(true);
    await visit(page, 'case-files-plan-uk-dark');
    await dark.close();
  });
});
