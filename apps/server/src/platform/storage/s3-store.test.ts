import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3Store } from './s3-store';
import { openStream, sealStream } from './sealed-stream';

/** The smallest S3 we can fake at its HTTP boundary: path-style PUT, GET, HEAD and DELETE of objects. */
const objects = new Map<string, Buffer>();
let server: http.Server;
let endpoint: string;
beforeAll(async () => {
  server = http.createServer((req, res) => void answer(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function answer(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const key = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  if (req.method === 'PUT') {
    objects.set(key, await buffer(req));
    res.writeHead(200, { etag: '"e"' }).end();
  } else if (req.method === 'GET' || req.method === 'HEAD') {
    const body = objects.get(key);
    if (!body)
      return void res.writeHead(404, { 'content-type': 'application/xml' }).end(req.method === 'GET' ? '<Error><Code>NoSuchKey</Code></Error>' : undefined);
    res.writeHead(200, { 'content-length': body.length, 'content-type': 'application/octet-stream' }).end(req.method === 'GET' ? body : undefined);
  } else if (req.method === 'DELETE') {
    objects.delete(key);
    res.writeHead(204).end();
  } else {
    res.writeHead(405).end();
  }
}

describe('S3 store against a fake S3 at its HTTP boundary', () => {
  it('puts, gets, checks and deletes sealed bytes under <bucket>/<org>/<file>', async () => {
    const store = createS3Store({ endpoint, bucket: 'tend-files', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test', forcePathStyle: true });
    const key = `${crypto.randomUUID()}/${crypto.randomUUID()}`;
    const fileKey = crypto.randomBytes(32);
    const plain = crypto.randomBytes(200 * 1024);
    await store.put(key, Readable.from([plain]).pipe(sealStream(fileKey, 'aad')));
    const stored = objects.get(`/tend-files/${key}`) as Buffer;
    expect(stored.includes(plain.subarray(0, 32))).toBe(false);
    expect(await store.exists(key)).toBe(true);
    expect((await buffer((await store.get(key)).pipe(openStream(fileKey, 'aad')))).equals(plain)).toBe(true);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    await expect(store.get('../../etc/passwd')).rejects.toThrow(/storage key/);
  });
});
