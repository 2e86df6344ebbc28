import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { fakeMedia, launch } from './browser';
import { shows } from './flows';
import { bookSessionNow, practiceAt } from './practice';
import { startTendServer, type TendServer } from './server';

/** The two people of the built-in call specs (the demo practice's). */
export const caller = { specialistEmail: 'specialist2@demo.tend.local', clientEmail: 'client3@demo.tend.local', clientName: 'Оксана Ткаченко' };

/** Bytes of the other person's video the page has received so far. */
export const bytesReceived = async (page: Page) => Number((await page.locator('video[data-bytes-received]').getAttribute('data-bytes-received')) ?? 0);

export type CallSetting = { server: TendServer; browser: Browser; sessionId: string };

/**
 * A server of the spec's own, so no other spec's session meets its one, with a session booked now between the two
 * people, and Chromium with a fake camera and microphone; stopped after the spec. Filled in before its tests run.
 */
export function callOnOwnServer(): CallSetting {
  const setting = {} as CallSetting;
  beforeAll(async () => {
    setting.server = await startTendServer(inject('demoPassword'));
    setting.sessionId = await bookSessionNow(practiceAt(setting.server.baseUrl, inject('demoPassword')), caller.specialistEmail, caller.clientEmail);
    setting.browser = await launch(fakeMedia);
  });
  afterAll(async () => {
    await setting.browser?.close();
    await setting.server?.stop();
  });
  return setting;
}

/** The client (in English) opens the session, checks their devices, says they are in Ukraine and waits. */
export async function clientWaits(client: Page, { server, sessionId }: CallSetting): Promise<void> {
  await client.goto(`${server.baseUrl}/sessions/${sessionId}`);
  await client.getByRole('button', { name: 'Check my devices' }).click();
  await expect.poll(() => client.getByTestId('device-check').innerText(), { timeout: 15_000 }).toMatch(/Camera: Working/);
  await client.getByLabel(/^Country/).selectOption('UA');
  await client.getByRole('button', { name: 'Enter the waiting room' }).click();
  await shows(client, 'You are in the waiting room');
}

/**
 * Records, in each page of the context, what its peer connections went through (signalling and ICE states,
 * with the time), so a call that never connects can say where it stopped. The app is not changed: the page's
 * RTCPeerConnection is wrapped before any script of the app runs.
 */
export async function recordCalls(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Original = window.RTCPeerConnection;
    const log: string[] = [];
    const start = Date.now();
    (window as unknown as { tendCallLog: string[] }).tendCallLog = log;
    let count = 0;
    window.RTCPeerConnection = class extends Original {
      constructor(config?: RTCConfiguration) {
        super(config);
        const n = ++count;
        const note = (what: string): void => void log.push(`${((Date.now() - start) / 1000).toFixed(1)}s pc${n} ${what}`);
        note('created');
        this.addEventListener('signalingstatechange', () => note(`signaling ${this.signalingState}`));
        this.addEventListener('iceconnectionstatechange', () => note(`ice ${this.iceConnectionState}`));
        this.addEventListener('icegatheringstatechange', () => note(`gathering ${this.iceGatheringState}`));
        this.addEventListener('negotiationneeded', () => note('negotiation needed'));
        this.addEventListener('icecandidate', (e) => note(`local candidate ${e.candidate ? e.candidate.type + ' ' + e.candidate.protocol : 'end'}`));
        const add = this.addIceCandidate.bind(this);
        this.addIceCandidate = ((candidate?: RTCIceCandidateInit) =>
          add(candidate).then(
            () => note('remote candidate added'),
            (error: Error) => {
              note(`remote candidate refused: ${error.message}`);
              throw error;
            },
          )) as typeof this.addIceCandidate;
        const setRemote = this.setRemoteDescription.bind(this);
        this.setRemoteDescription = ((d: RTCSessionDescriptionInit) => {
          note(`remote ${d.type}`);
          return setRemote(d).catch((error: Error) => {
            note(`remote ${d.type} refused: ${error.message}`);
            throw error;
          });
        }) as typeof this.setRemoteDescription;
        const setLocal = this.setLocalDescription.bind(this);
        this.setLocalDescription = ((d?: RTCLocalSessionDescriptionInit) => {
          note(`local ${d?.type ?? 'auto'}`);
          return setLocal(d).then(() => note(`local is ${this.localDescription?.type}`));
        }) as typeof this.setLocalDescription;
      }
    } as typeof RTCPeerConnection;
  });
}

/** What `recordCalls` saw in the page, one line per event. */
export const callLog = async (page: Page): Promise<string> =>
  page.evaluate(() => ((window as unknown as { tendCallLog?: string[] }).tendCallLog ?? []).join('\n')).catch((error: Error) => `(no log: ${error.message})`);

/** Waits until both pages receive the other's video and show "Connected"; on failure, both call logs are in the message. */
export async function expectVideoBothWays(pages: { specialist: Page; client: Page }, timeout: number): Promise<void> {
  try {
    for (const page of [pages.specialist, pages.client]) {
      await expect.poll(() => bytesReceived(page), { timeout, interval: 250 }).toBeGreaterThan(0);
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Connected' }).first().isVisible(), { timeout: 10_000 }).toBe(true);
    }
  } catch (error) {
    const logs = `specialist:\n${await callLog(pages.specialist)}\nclient:\n${await callLog(pages.client)}`;
    throw new Error(`${(error as Error).message}\n${logs}`, { cause: error });
  }
}
