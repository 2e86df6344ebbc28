import type { Readable } from 'node:stream';

/**
 * Where sealed file bytes live (ARCHITECTURE §6): the local disk by default, an S3-compatible bucket
 * in production. Stores only ever see ciphertext; keys look like `<org id>/<file id>`.
 */
export type BlobStore = {
  readonly kind: 'local' | 's3';
  /** Writes the whole stream under `key`; nothing is visible under `key` unless this resolves. */
  put(key: string, body: Readable): Promise<void>;
  /** The stored bytes; rejects when there is no such blob. */
  get(key: string): Promise<Readable>;
  /** Removes the blob; a missing one is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
};

const KEY = /^[0-9a-f-]{36}\/[0-9a-f-]{36}$/;

/** Keys are built from two UUIDs; anything else (a path trick) is refused before it reaches a store. */
export function checkKey(key: string): string {
  if (!KEY.test(key)) throw new Error(`Not a storage key: ${key}`);
  return key;
}
