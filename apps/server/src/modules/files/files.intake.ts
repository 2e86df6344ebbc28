import crypto from 'node:crypto';
import { pipeline, Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { type AllowedFileType, MAX_FILE_BYTES } from '@tend/contracts';
import { AppError } from '../../platform/http/app-error';
import type { BlobStore } from '../../platform/storage/blob-store';
import { sealStream } from '../../platform/storage/sealed-stream';
import { type Claim, SNIFF_BYTES, sniff } from './files.sniff';

export type Received = { size: number; sha256: string; mimeType: AllowedFileType };

const tooLarge = () => new AppError('FILE.TOO_LARGE', `A file can be at most ${MAX_FILE_BYTES / 1024 / 1024} MB; split it or compress it and try again`);
const notText = () => new AppError('FILE.TYPE_NOT_ALLOWED', 'This file is neither valid UTF-8 text nor a type a case takes');

/**
 * Passes the upload through while it measures, hashes and types it: holds back the first
 * SNIFF_BYTES until the type is decided, fails past `limit` bytes, and for text checks that every
 * byte is UTF-8. Memory stays at one sniff sample plus whatever the stream is carrying.
 */
async function* inspect(source: AsyncIterable<Buffer>, claim: Claim, limit: number, found: Partial<Received>): AsyncGenerator<Buffer> {
  const hash = crypto.createHash('sha256');
  let head: Buffer[] | null = [];
  let headBytes = 0;
  let size = 0;
  let text: TextDecoder | null = null;
  const decide = async () => {
    const sample = Buffer.concat(head ?? []);
    found.mimeType = await sniff(sample.subarray(0, SNIFF_BYTES), claim);
    if (found.mimeType === 'text/plain') text = new TextDecoder('utf-8', { fatal: true });
    head = null;
    return sample;
  };
  const pass = (chunk: Buffer) => {
    if (text) {
      if (chunk.includes(0)) throw notText();
      try {
        text.decode(chunk, { stream: true });
      } catch {
        throw notText();
      }
    }
    return chunk;
  };
  for await (const chunk of source) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    hash.update(chunk);
    if (head) {
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= SNIFF_BYTES) yield pass(await decide());
    } else {
      yield pass(chunk);
    }
  }
  if (size === 0) throw new AppError('FILE.EMPTY', 'The file is empty; choose a file with content');
  if (head) yield pass(await decide());
  if (text) {
    try {
      (text as TextDecoder).decode();
    } catch {
      throw notText();
    }
  }
  found.size = size;
  found.sha256 = hash.digest('hex');
}

/**
 * Streams an upload into the store under `storageKey`, sealed with `fileKey`. Resolves with what
 * was learnt about it; on any failure (too large, wrong type, a broken connection) nothing is left
 * under `storageKey`.
 */
export async function receive(
  store: BlobStore,
  source: Readable,
  claim: Claim,
  sealing: { storageKey: string; fileKey: Buffer; aad: string },
  limit = MAX_FILE_BYTES,
): Promise<Received> {
  const found: Partial<Received> = {};
  const plain = Readable.from(inspect(source, claim, limit, found), { objectMode: false });
  // pipeline() destroys the sealer with the source's error, so the store's own write fails and cleans up.
  const sealed = pipeline(plain, sealStream(sealing.fileKey, sealing.aad), () => undefined);
  let failure: unknown = null;
  plain.once('error', (error) => (failure = error));
  try {
    await store.put(sealing.storageKey, sealed);
  } catch (error) {
    await store.delete(sealing.storageKey).catch(() => undefined);
    throw failure ?? error;
  }
  if (failure || found.size === undefined || !found.mimeType || !found.sha256) {
    await store.delete(sealing.storageKey).catch(() => undefined);
    throw failure ?? new Error('The upload ended without a result');
  }
  return found as Received;
}
