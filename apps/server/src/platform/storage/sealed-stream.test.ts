import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { openStream, sealedSize, sealStream } from './sealed-stream';

const key = crypto.randomBytes(32);
const CHUNK = 1024;
const seal = (plain: Buffer, aad = 'file:a') => buffer(Readable.from([plain]).pipe(sealStream(key, aad, CHUNK)));
const open = (sealed: Buffer, aad = 'file:a', k = key) => buffer(Readable.from([sealed]).pipe(openStream(k, aad)));

describe('sealed file streams', () => {
  it.each([1, CHUNK - 1, CHUNK, CHUNK + 1, 5 * CHUNK, 5 * CHUNK + 17])('round-trips %i bytes in any write pattern', async (n) => {
    const plain = crypto.randomBytes(n);
    const sealed = await seal(plain);
    expect(sealed.length).toBe(sealedSize(n, CHUNK));
    // Feed the sealed bytes back in odd-sized pieces.
    const pieces = [];
    for (let i = 0; i < sealed.length; i += 333) pieces.push(sealed.subarray(i, i + 333));
    expect((await buffer(Readable.from(pieces).pipe(openStream(key, 'file:a')))).equals(plain)).toBe(true);
  });

  it('does not contain the plaintext', async () => {
    const plain = Buffer.from('Session notes: the client reported panic attacks. '.repeat(100));
    const sealed = await seal(plain);
    expect(sealed.includes(Buffer.from('panic attacks'))).toBe(false);
  });

  it('detects a changed byte, truncation at a chunk boundary, dropped or swapped chunks, appended bytes, another aad or key', async () => {
    const plain = crypto.randomBytes(3 * CHUNK + 10);
    const sealed = await seal(plain);
    const header = 16;
    const chunk = CHUNK + 16;
    const flipped = Buffer.from(sealed);
    flipped[header + chunk + 5] = (flipped[header + chunk + 5] as number) ^ 1;
    const truncated = sealed.subarray(0, header + 2 * chunk);
    const swapped = Buffer.concat([
      sealed.subarray(0, header),
      sealed.subarray(header + chunk, header + 2 * chunk),
      sealed.subarray(header, header + chunk),
      sealed.subarray(header + 2 * chunk),
    ]);
    const dropped = Buffer.concat([sealed.subarray(0, header), sealed.subarray(header + chunk)]);
    const appended = Buffer.concat([sealed, sealed.subarray(header, header + chunk)]);
    for (const bad of [flipped, truncated, swapped, dropped, appended, sealed.subarray(0, 10)]) await expect(open(bad)).rejects.toThrow();
    await expect(open(sealed, 'file:b')).rejects.toThrow();
    await expect(open(sealed, 'file:a', crypto.randomBytes(32))).rejects.toThrow();
  });
});
