import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../src/platform/db/database';
import { type Runtime, startRuntime } from '../src/platform/runtime';
import { type TestApp, createTestApp, register, testConfig } from './harness';

// Crypto-shredding with more than one instance: every instance caches unwrapped data keys, and a key destroyed
// by one (an erasure) must stop opening anything on the others too (platform/crypto/key-events.ts).
let first: TestApp;
let second: Runtime;
beforeAll(async () => {
  first = await createTestApp();
  second = await startRuntime(testConfig(first.databaseUrl), pino({ level: 'silent' }));
});
afterAll(async () => {
  await second?.stop();
  await first?.close();
});

const sealFor = (runtime: Runtime, userId: string, text: string) =>
  runtime.db.inContext(systemContext, (tx) => runtime.crypto.sealForUser(tx, userId, text, `test:${userId}`));
const openOn = (runtime: Runtime, userId: string, sealed: Buffer) =>
  runtime.db.inContext(systemContext, (tx) => runtime.crypto.open(tx, sealed, `test:${userId}`));

describe('destroying a data key on one instance', () => {
  it('makes the ciphertext unreadable on every instance as soon as it commits, though the others had the key cached', async () => {
    const client = await register(first.app);
    const sealed = await sealFor(first.runtime, client.userId, 'Panic attacks since spring');
    // The other instance has read it, so it holds the unwrapped key.
    expect(await openOn(second, client.userId, sealed)).toBe('Panic attacks since spring');

    await first.runtime.db.inContext(systemContext, (tx) => first.runtime.crypto.destroyUserKey(tx, client.userId));

    expect(await openOn(first.runtime, client.userId, sealed)).toBeNull();
    await expect.poll(() => openOn(second, client.userId, sealed), { timeout: 5000, interval: 50 }).toBeNull();
    await expect(sealFor(second, client.userId, 'more')).rejects.toThrow(/destroyed|No user data key/);
  });

  it('destroys nothing anywhere when the erasure rolls back', async () => {
    const client = await register(first.app);
    const sealed = await sealFor(first.runtime, client.userId, 'Sleeps badly');
    expect(await openOn(second, client.userId, sealed)).toBe('Sleeps badly');

    const failed = first.runtime.db.inContext(systemContext, async (tx) => {
      await first.runtime.crypto.destroyUserKey(tx, client.userId);
      throw new Error('the erasure failed half way');
    });
    await expect(failed).rejects.toThrow('half way');

    await new Promise((r) => setTimeout(r, 300)); // a notice, were one sent, would have arrived by now
    expect(await openOn(first.runtime, client.userId, sealed)).toBe('Sleeps badly');
    expect(await openOn(second, client.userId, sealed)).toBe('Sleeps badly');
  });
});
