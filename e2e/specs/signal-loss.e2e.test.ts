import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newContext } from '../browser';
import { caller, callOnOwnServer, clientWaits, expectVideoBothWays, recordCalls } from '../call';
import { signIn } from '../flows';

// The built-in call when a signal is lost on its way: the specialist's first offer never leaves their page (the
// page's Socket.IO frames pass through Playwright's WebSocket route, which drops that one). The client offers too,
// and the specialist, the impolite side, ignores it while their own offer waits. Without taking the unanswered
// offer back, both would wait for ever.
const desktop = { width: 1280, height: 900 };
const setting = callOnOwnServer();
const { specialistEmail, clientEmail, clientName } = caller;

/** A Socket.IO event frame (`42`, an ack id if any, then the JSON array) carrying a WebRTC offer. */
const isOffer = (frame: string) => /^42\d*\["session\.signal",/.test(frame) && frame.includes('"type":"offer"');

describe('a lost offer in the built-in call, in Chromium with fake camera and microphone', () => {
  let staff: BrowserContext;
  let mine: BrowserContext;
  let specialist: Page;
  let client: Page;

  it('is made again when nobody answers it, and video flows both ways', async () => {
    // A second try (ADR 0033) starts with new pages; the client was admitted by the first, so both go straight in.
    const admitted = Boolean(staff);
    await Promise.all([staff?.close(), mine?.close()]);
    mine = await newContext(setting.browser, { viewport: desktop });
    await recordCalls(mine);
    client = await signIn(mine, clientEmail, inject('demoPassword'), setting.server.baseUrl);
    if (admitted) await client.goto(`${setting.server.baseUrl}/sessions/${setting.sessionId}`);
    else await clientWaits(client, setting);

    staff = await newContext(setting.browser, { viewport: desktop });
    await recordCalls(staff);
    const offers: string[] = [];
    await staff.routeWebSocket(/\/socket\.io\//, (socket) => {
      const toServer = socket.connectToServer();
      socket.onMessage((frame) => {
        if (typeof frame === 'string' && isOffer(frame)) {
          offers.push(frame);
          if (offers.length === 1) return; // lost on the way
        }
        toServer.send(frame);
      });
    });
    specialist = await signIn(staff, specialistEmail, inject('demoPassword'), setting.server.baseUrl);
    await specialist.goto(`${setting.server.baseUrl}/sessions/${setting.sessionId}`);
    if (!admitted) await specialist.getByRole('button', { name: `Admit ${clientName}` }).click({ timeout: 15_000 });
    await expectVideoBothWays({ specialist, client }, 45_000);
    // The first offer was dropped, and a second one made the call.
    expect(offers.length).toBeGreaterThanOrEqual(2);
  });
});
