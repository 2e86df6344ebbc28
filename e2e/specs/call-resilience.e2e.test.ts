import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { newContext } from '../browser';
import { caller, callOnOwnServer, clientWaits, expectVideoBothWays, recordCalls } from '../call';
import { shows, signIn, visible, visit } from '../flows';

// The built-in call on a bad network: its media path cut and restored, then heavy loss on one side. The loss is
// Chromium's own WebRTC network emulation (DevTools' global network conditions drop that page's WebRTC packets;
// its page loads and socket are left alone). Neither WebRTC's DegradedCall field trials
// (--force-fieldtrials=WebRTC-FakeNetworkSendConfig/…/ and …ReceiveConfig; other WebRTC trials do take effect)
// nor going offline (context.setOffline) touch a loopback call in Debian's Chromium 156.
const desktop = { width: 1280, height: 900 };
const setting = callOnOwnServer();
const { specialistEmail, clientEmail, clientName } = caller;

/** The call's status badge (not the other live regions of the room). */
const badge = (page: Page, text: string) => () => page.getByRole('status').filter({ hasText: text }).first().isVisible();
/** Frames of the other person's video the page has shown so far (bytes alone also count the padding of bandwidth probes). */
const framesShown = (page: Page) =>
  page.locator('video[data-bytes-received]').evaluate((video: HTMLVideoElement) => video.getVideoPlaybackQuality().totalVideoFrames);
/**
 * Whether the page shows the other person's video moving: at least a few new frames over three seconds. Live video
 * gives dozens; a frame or two can still trickle in after the sender stopped (a late retransmission completing a
 * frame once the network recovers), and that is not video flowing.
 */
async function videoFlowing(page: Page): Promise<boolean> {
  const before = await framesShown(page);
  await new Promise((resolve) => setTimeout(resolve, 3000));
  return (await framesShown(page)) - before >= MOVING_FRAMES;
}
const MOVING_FRAMES = 5;

/**
 * Chromium drops this share of the page's WebRTC packets, both ways; 0 lifts it. Page loads and the socket are
 * untouched. Only connections opened while a rule is in place follow it (and its later changes), so the rule is
 * set, at 0, before the call starts.
 */
async function webrtcLoss(devtools: CDPSession, percent: number): Promise<void> {
  await devtools.send('Network.emulateNetworkConditionsByRule', {
    // The global rule (empty pattern) is the one that also applies to the page's peer-to-peer connections.
    matchedNetworkConditions: [{ urlPattern: '', latency: 0, downloadThroughput: -1, uploadThroughput: -1, packetLoss: percent }],
  });
}

describe('the built-in call on a bad network, in Chromium with fake camera and microphone', () => {
  let staff: BrowserContext;
  let mine: BrowserContext;
  let specialist: Page;
  let client: Page;
  let clientNetwork: CDPSession;

  it('the client waits, the specialist admits them, and video flows both ways', async () => {
    // A second try (ADR 0033) starts with new pages; the client was admitted by the first, so both go straight in.
    const admitted = Boolean(staff);
    await Promise.all([staff?.close(), mine?.close()]);
    mine = await newContext(setting.browser, { viewport: desktop });
    await recordCalls(mine);
    client = await signIn(mine, clientEmail, inject('demoPassword'), setting.server.baseUrl);
    clientNetwork = await mine.newCDPSession(client);
    await clientNetwork.send('Network.enable');
    await webrtcLoss(clientNetwork, 0);
    if (admitted) await client.goto(`${setting.server.baseUrl}/sessions/${setting.sessionId}`);
    else await clientWaits(client, setting);

    staff = await newContext(setting.browser, { viewport: desktop });
    await recordCalls(staff);
    specialist = await signIn(staff, specialistEmail, inject('demoPassword'), setting.server.baseUrl);
    await specialist.goto(`${setting.server.baseUrl}/sessions/${setting.sessionId}`);
    if (!admitted) await specialist.getByRole('button', { name: `Admit ${clientName}` }).click({ timeout: 15_000 });
    await expectVideoBothWays({ specialist, client }, 20_000);
  });

  it('when the client’s connection drops, both see "Reconnecting…"; when it is back, the call carries on by itself', async () => {
    await webrtcLoss(clientNetwork, 100);
    // ICE notices the silence within seconds (no answers to its consent checks): "disconnected", shown as reconnecting.
    await expect.poll(badge(specialist, 'Reconnecting…'), { timeout: 30_000, interval: 250 }).toBe(true);
    await expect.poll(badge(client, 'Reconnecting…'), { timeout: 30_000, interval: 250 }).toBe(true);
    expect(await videoFlowing(specialist)).toBe(false);
    await visit(specialist, 'call-resilience-reconnecting-specialist-en');

    await webrtcLoss(clientNetwork, 0);
    for (const page of [specialist, client]) {
      await expect.poll(badge(page, 'Connected'), { timeout: 30_000, interval: 250 }).toBe(true);
      await expect.poll(() => videoFlowing(page), { timeout: 30_000 }).toBe(true);
      // A dropped connection is not a weak one: the video was not switched off on the way.
      expect(await visible(page, 'The connection is weak')()).toBe(false);
      expect(await visible(page, 'Your video stays paused')()).toBe(false);
    }
    await visit(client, 'call-resilience-reconnected-client-en');
  });

  it('on heavy loss the client’s video pauses by itself with a notice; it comes back only when they choose', async () => {
    await webrtcLoss(clientNetwork, 30);
    await shows(client, 'The connection is weak, so your video is paused and the call continues with sound.', 30_000);
    await expect.poll(() => client.getByRole('button', { name: 'Turn video back on' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => videoFlowing(specialist), { timeout: 20_000 }).toBe(false);
    await visit(client, 'call-resilience-audio-only-weak-client-en');
    await webrtcLoss(clientNetwork, 0);
    // The network is good again and the client is told so; their video stays paused until they say.
    await shows(client, 'The connection is better now. Your video stays paused until you turn it back on.', 30_000);
    await expect.poll(badge(specialist, 'Connected'), { timeout: 30_000 }).toBe(true);
    expect(await videoFlowing(specialist)).toBe(false);
    await visit(client, 'call-resilience-audio-only-recovered-client-en');

    await client.getByRole('button', { name: 'Turn video back on' }).click();
    await expect.poll(visible(client, 'Your video stays paused')).toBe(false);
    await expect.poll(() => videoFlowing(specialist), { timeout: 20_000 }).toBe(true);
  });

  it('audio-only the specialist chose holds when the client reloads and the call starts over on a new connection', async () => {
    // The loss above was on the specialist's link too, which may have paused their video by itself as well.
    const videoBack = specialist.getByRole('button', { name: 'Turn video back on' });
    if (await videoBack.isVisible()) await videoBack.click();
    await specialist.getByRole('button', { name: 'Audio only' }).click();
    await shows(specialist, 'Audio only: your video is paused.');
    await expect.poll(() => videoFlowing(client), { timeout: 20_000 }).toBe(false);
    await client.reload();
    await expect.poll(badge(client, 'Connected'), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => videoFlowing(specialist), { timeout: 30_000 }).toBe(true);
    // The specialist's new connection sends sound only, as they chose.
    expect(await videoFlowing(client)).toBe(false);
    expect(await visible(specialist, 'Audio only: your video is paused.')()).toBe(true);
    await staff.close();
    await mine.close();
  });
});
