import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStore } from '../../platform/storage/local-store';
import { createBlobPurger } from './files.purge';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-purge-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('purging the blobs of erased files', () => {
  it('deletes what it can, fails while a blob resists so the job is retried, and a retry after the fact is harmless', async () => {
    const store = createLocalStore(root);
    const org = crypto.randomUUID();
    const [resisting, plain] = [`${org}/${crypto.randomUUID()}`, `${org}/${crypto.randomUUID()}`];
    for (const key of [resisting, plain]) await store.put(key, Readable.from([crypto.randomBytes(64)]));
    // A directory where the blob was: the disk refuses to delete it as a file.
    const resistingPath = path.join(root, ...resisting.split('/'));
    fs.rmSync(resistingPath);
    fs.mkdirSync(path.join(resistingPath, 'in-the-way'), { recursive: true });

    const purge = createBlobPurger(store, pino({ level: 'silent' }));
    await expect(purge({ storage_keys: [resisting, plain] })).rejects.toThrow(/1 of 2 erased file blobs are still in the local store/);
    expect(await store.exists(plain)).toBe(false);

    fs.rmSync(resistingPath, { recursive: true });
    await expect(purge({ storage_keys: [resisting, plain] })).resolves.toBeUndefined();
  });
});
