import crypto from 'node:crypto';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID_BYTES = 16;

/**
 * AES-256-GCM with the data key's id in the header, so a ciphertext names the key that opens it.
 * Layout: version(1) | key id(16, uuid bytes) | iv(12) | tag(16) | ciphertext.
 * `aad` binds the ciphertext to where it lives (e.g. "users.email:<user id>") so it cannot be moved.
 */
export function seal(keyId: string, key: Buffer, plaintext: string | Buffer, aad: string): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), uuidBytes(keyId), iv, cipher.getAuthTag(), body]);
}

export function keyIdOf(sealed: Buffer): string {
  if (sealed.length < 1 + KEY_ID_BYTES + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) throw new Error('Not a Tend ciphertext');
  const hex = sealed.toString('hex', 1, 1 + KEY_ID_BYTES);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function open(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const start = 1 + KEY_ID_BYTES;
  const iv = sealed.subarray(start, start + IV_BYTES);
  const tag = sealed.subarray(start + IV_BYTES, start + IV_BYTES + TAG_BYTES);
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(tag);
  const body = decipher.update(sealed.subarray(start + IV_BYTES + TAG_BYTES));
  // GCM is a stream mode: final() only checks the tag and returns nothing, so there is nothing to join
  // (a list page opens a hundred fields; each join was a copy).
  const rest = decipher.final();
  return rest.length === 0 ? body : Buffer.concat([body, rest]);
}

/** Wraps a data key with a master key; the same layout without a key id. */
export function wrapKey(kek: Buffer, dataKey: Buffer, aad: string): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unwrapKey(kek: Buffer, wrapped: Buffer, aad: string): Buffer {
  const decipher = crypto.createDecipheriv('aes-256-gcm', kek, wrapped.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(wrapped.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

function uuidBytes(id: string): Buffer {
  const bytes = Buffer.from(id.replaceAll('-', ''), 'hex');
  if (bytes.length !== KEY_ID_BYTES) throw new Error('A key id is a UUID');
  return bytes;
}
