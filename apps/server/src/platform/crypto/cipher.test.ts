import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, open, seal, unwrapKey, wrapKey } from './cipher';
import { masterKeyFrom, parseMasterKey } from './keyring';

const keyId = '0190a5e4-1d2c-7b3a-8f00-00000000abcd';
const key = crypto.randomBytes(32);

describe('field cipher', () => {
  it('round-trips text and names its key in the header', () => {
    const sealed = seal(keyId, key, 'Олена Коваль', 'identity.users.name:u1');
    expect(keyIdOf(sealed)).toBe(keyId);
    expect(open(key, sealed, 'identity.users.name:u1').toString('utf8')).toBe('Олена Коваль');
  });

  it('never produces the same ciphertext twice for the same text', () => {
    expect(seal(keyId, key, 'same', 'a').equals(seal(keyId, key, 'same', 'a'))).toBe(false);
  });

  it('refuses a ciphertext moved to another field or row (AAD), tampered, or opened with another key', () => {
    const sealed = seal(keyId, key, 'secret', 'identity.users.email:u1');
    expect(() => open(key, sealed, 'identity.users.email:u2')).toThrow();
    const flipped = Buffer.from(sealed);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    expect(() => open(key, flipped, 'identity.users.email:u1')).toThrow();
    expect(() => open(crypto.randomBytes(32), sealed, 'identity.users.email:u1')).toThrow();
  });

  it('rejects bytes that are not a Tend ciphertext', () => {
    expect(() => keyIdOf(Buffer.from('plain text'))).toThrow(/Not a Tend ciphertext/);
  });

  it('wraps and unwraps data keys bound to their row', () => {
    const kek = crypto.randomBytes(32);
    const wrapped = wrapKey(kek, key, 'tend:data-key:1');
    expect(unwrapKey(kek, wrapped, 'tend:data-key:1').equals(key)).toBe(true);
    expect(() => unwrapKey(kek, wrapped, 'tend:data-key:2')).toThrow();
  });
});

describe('master keys', () => {
  it('accept base64 and hex, derive a stable id, and refuse the wrong length', () => {
    const material = crypto.randomBytes(32);
    const fromB64 = parseMasterKey(material.toString('base64'));
    const fromHex = parseMasterKey(material.toString('hex'));
    expect(fromB64.id).toBe(fromHex.id);
    expect(fromB64.id).toBe(masterKeyFrom(material).id);
    expect(() => parseMasterKey(crypto.randomBytes(16).toString('base64'))).toThrow(/32 bytes/);
  });
});
