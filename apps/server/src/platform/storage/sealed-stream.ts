import crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Streaming AES-256-GCM for stored files, in the shape of the STREAM construction (Hoang et al.):
 * the plaintext is cut into 64 KiB chunks, each sealed on its own with a nonce made of a random
 * per-file prefix, the chunk index and a final-chunk flag. Reordering, truncation at a chunk
 * boundary, appending and any changed byte fail authentication, and no chunk's plaintext is
 * released before its tag has been checked.
 *
 * Layout: magic "TNDF" | version(1) | chunk size(4, BE) | nonce prefix(7) | chunk* where each chunk
 * is ciphertext(≤ chunk size) | tag(16). The header and `aad` (which names the file) are
 * authenticated with every chunk.
 */
export const CHUNK_BYTES = 64 * 1024;
const MAGIC = Buffer.from('TNDF');
const VERSION = 1;
const PREFIX_BYTES = 7;
const HEADER_BYTES = MAGIC.length + 1 + 4 + PREFIX_BYTES;
const TAG_BYTES = 16;

function nonce(prefix: Buffer, index: number, final: boolean): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0);
  n.writeUInt32BE(index, PREFIX_BYTES);
  n[11] = final ? 1 : 0;
  return n;
}

function aadOf(header: Buffer, aad: string): Buffer {
  return Buffer.concat([header, Buffer.from(aad)]);
}

/** The size of the sealed form of `plaintextBytes` bytes. */
export function sealedSize(plaintextBytes: number, chunk = CHUNK_BYTES): number {
  const chunks = Math.max(1, Math.ceil(plaintextBytes / chunk));
  return HEADER_BYTES + plaintextBytes + chunks * TAG_BYTES;
}

/** Encrypts a byte stream with `key` (32 bytes, used for this one file only). */
export function sealStream(key: Buffer, aad: string, chunk = CHUNK_BYTES): Transform {
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header[MAGIC.length] = VERSION;
  header.writeUInt32BE(chunk, MAGIC.length + 1);
  const prefix = crypto.randomBytes(PREFIX_BYTES);
  prefix.copy(header, MAGIC.length + 5);
  const additional = aadOf(header, aad);
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let index = 0;

  const sealChunk = (plain: Buffer, final: boolean): Buffer => {
    const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce(prefix, index++, final));
    cipher.setAAD(additional);
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  };

  return new Transform({
    construct(callback) {
      this.push(header);
      callback();
    },
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      pending.push(data);
      pendingBytes += data.length;
      // Keep at least one byte back: only at the end do we know which chunk is the final one.
      if (pendingBytes > chunk) {
        let buffered = Buffer.concat(pending);
        while (buffered.length > chunk) {
          this.push(sealChunk(buffered.subarray(0, chunk), false));
          buffered = buffered.subarray(chunk);
        }
        pending = [buffered];
        pendingBytes = buffered.length;
      }
      callback();
    },
    flush(callback: TransformCallback) {
      this.push(sealChunk(Buffer.concat(pending), true));
      callback();
    },
  });
}

/** Decrypts what `sealStream` wrote; errors (and releases nothing more) at the first chunk that fails. */
export function openStream(key: Buffer, aad: string): Transform {
  let header: Buffer | null = null;
  let additional: Buffer | null = null;
  let prefix: Buffer | null = null;
  let sealedChunk = 0;
  let buffered: Buffer = Buffer.alloc(0);
  let index = 0;

  const openChunk = (sealed: Buffer, final: boolean): Buffer => {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, nonce(prefix as Buffer, index++, final));
    decipher.setAAD(additional as Buffer);
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG_BYTES)), decipher.final()]);
  };

  const readHeader = () => {
    if (header || buffered.length < HEADER_BYTES) return;
    header = Buffer.from(buffered.subarray(0, HEADER_BYTES));
    if (!header.subarray(0, MAGIC.length).equals(MAGIC) || header[MAGIC.length] !== VERSION) throw new Error('Not a Tend sealed file');
    const chunk = header.readUInt32BE(MAGIC.length + 1);
    if (chunk < 1024 || chunk > 16 * 1024 * 1024) throw new Error('Implausible chunk size in a sealed file');
    sealedChunk = chunk + TAG_BYTES;
    prefix = header.subarray(MAGIC.length + 5);
    additional = aadOf(header, aad);
    buffered = buffered.subarray(HEADER_BYTES);
  };

  return new Transform({
    transform(data: Buffer, _encoding, callback: TransformCallback) {
      try {
        buffered = buffered.length ? Buffer.concat([buffered, data]) : data;
        readHeader();
        // A full chunk with more bytes behind it is not the final one.
        while (header && buffered.length > sealedChunk) {
          this.push(openChunk(buffered.subarray(0, sealedChunk), false));
          buffered = buffered.subarray(sealedChunk);
        }
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback: TransformCallback) {
      try {
        readHeader();
        if (!header || buffered.length < TAG_BYTES) throw new Error('A sealed file ended early');
        this.push(openChunk(buffered, true));
        callback();
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}
