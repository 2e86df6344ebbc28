import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { afterAll, beforeAll } from 'vitest';
import { openCase } from './cases.fixtures';
import { call, createTestApp, freshIp, type Session, type TestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

export const tempDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tend-files-'));

export type FilesPractice = { t: TestApp; org: BuiltOrg; caseId: string };

/**
 * For a test file: the real app storing files under a temp dir of its own, one practice and a case
 * of its specialist for its client; `ready` receives them, and everything is removed after the file.
 * Returns the data dir, for tests that look at what landed on disk.
 */
export function useFilesPractice(name: string, ready: (practice: FilesPractice) => void | Promise<void>): string {
  const dataDir = tempDataDir();
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp({ dataDir });
    const org = await buildOrg(t, name);
    await ready({ t, org, caseId: await openCase(t, org.specialist, org.client.userId) });
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return dataDir;
}

/** A small valid PDF, different each call. */
export function makePdf(text = `Referral ${crypto.randomUUID()}`): Buffer {
  return Buffer.from(
    `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n% ${text}\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n`,
  );
}

/** A real PNG (signature, IHDR, IDAT, IEND with CRCs) of `size`×`size` random pixels. */
export function makePng(size = 64): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.concat(Array.from({ length: size }, () => Buffer.concat([Buffer.from([0]), crypto.randomBytes(size * 3)])));
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** `total` bytes starting with `head`, produced lazily in 64 KiB pieces (never all in memory). */
export async function* lazyBytes(head: Buffer, total: number): AsyncGenerator<Buffer> {
  const piece = Buffer.alloc(64 * 1024, 0x20);
  yield head;
  let left = total - head.length;
  while (left > 0) {
    const n = Math.min(left, piece.length);
    yield n === piece.length ? piece : piece.subarray(0, n);
    left -= n;
  }
}

export type Upload = { filename: string; contentType?: string; content: Buffer | AsyncIterable<Buffer>; shared?: boolean };

/** A multipart/form-data body streamed from `content`. */
export function multipart(upload: Upload): { boundary: string; stream: Readable } {
  const boundary = `----tend${crypto.randomBytes(8).toString('hex')}`;
  const fields = upload.shared === undefined ? '' : `--${boundary}\r\ncontent-disposition: form-data; name="shared_with_client"\r\n\r\n${upload.shared}\r\n`;
  const head = `${fields}--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${upload.filename}"\r\ncontent-type: ${upload.contentType ?? 'application/octet-stream'}\r\n\r\n`;
  async function* body() {
    yield Buffer.from(head);
    if (Buffer.isBuffer(upload.content)) yield upload.content;
    else yield* upload.content;
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { boundary, stream: Readable.from(body()) };
}

export async function uploadFile(t: TestApp, by: Session, caseId: string, upload: Upload) {
  const { boundary, stream } = multipart(upload);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cases/${caseId}/files`,
    remoteAddress: freshIp(),
    headers: { authorization: `Bearer ${by.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: stream,
  });
}

export async function linkFor(t: TestApp, by: Session, caseId: string, fileId: string): Promise<string> {
  const res = await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/files/${fileId}/link`, token: by.token });
  if (res.statusCode !== 201) throw new Error(`link failed: ${res.statusCode} ${res.body}`);
  return res.json().data.url as string;
}

/** Every file under the store's root (sealed blobs and any partial leftovers). */
export function storedFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

export const sha256 = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
