import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { linkFor, makePdf, useFilesPractice } from './files.fixtures';
import { call, type TestApp } from './harness';
import type { BuiltOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
let base: string;
const dataDir = useFilesPractice('Streaming practice', async (practice) => {
  ({ t, org, caseId } = practice);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});

/**
 * Uploads over a real socket from a child process, so only the server's memory is in this process:
 * the child writes the multipart body as it generates it (one 64 KiB piece reused).
 */
function upload(size: number): Promise<{ status: number; body: string }> {
  const script = `
    const http = require('node:http');
    const [url, token, size, head] = process.argv.slice(1);
    const boundary = '----tendchild';
    const req = http.request(url, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'multipart/form-data; boundary=' + boundary } });
    req.on('response', (res) => { let body = ''; res.on('data', (d) => (body += d)); res.on('end', () => { process.stdout.write(JSON.stringify({ status: res.statusCode, body })); }); });
    const first = Buffer.concat([Buffer.from('--' + boundary + '\\r\\ncontent-disposition: form-data; name="file"; filename="recording.pdf"\\r\\ncontent-type: application/pdf\\r\\n\\r\\n'), Buffer.from(head, 'base64')]);
    const piece = Buffer.alloc(65536, 0x20);
    let left = Number(size) - Buffer.from(head, 'base64').length;
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, piece.length); left -= n;
        if (!req.write(n === piece.length ? piece : piece.subarray(0, n))) return req.once('drain', pump);
      }
      req.end('\\r\\n--' + boundary + '--\\r\\n');
    };
    req.write(first); pump();
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '-e',
      script,
      `${base}/api/v1/cases/${caseId}/files`,
      org.specialist.token,
      String(size),
      makePdf().toString('base64'),
    ]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      try {
        resolve(JSON.parse(out));
      } catch {
        reject(new Error(`upload child failed: ${out}`));
      }
    });
  });
}

/** Downloads in a child process and reports the byte count. */
function download(url: string): Promise<number> {
  const script = `fetch(process.argv[1]).then(async (r) => { let n = 0; for await (const c of r.body) n += c.length; process.stdout.write(String(r.status === 200 ? n : -r.status)); });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script, url]);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', () => resolve(Number(out)));
  });
}

/** Every file under the practice's data dir, so a test can see that nothing was left behind. */
const storedFiles = (): string[] =>
  (fs.readdirSync(dataDir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name));

describe('streaming uploads and downloads over HTTP', () => {
  it('keeps nothing of an upload the client cancels midway: no file row, no bytes on disk', async () => {
    const listed = async () =>
      (await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/files`, token: org.specialist.token })).json().data.length as number;
    const rowsBefore = await listed();
    const filesBefore = storedFiles();
    const boundary = '----tendcancel';
    const req = http.request(`${base}/api/v1/cases/${caseId}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${org.specialist.token}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    req.on('error', () => undefined); // the socket is destroyed on purpose
    req.write(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="half.pdf"\r\ncontent-type: application/pdf\r\n\r\n`);
    req.write(makePdf());
    for (let i = 0; i < 64; i++) req.write(Buffer.alloc(64 * 1024, 0x20)); // 4 MB of the file, then the client gives up
    // The server is writing the sealed blob as the bytes arrive…
    await expect.poll(() => storedFiles().length, { timeout: 10_000 }).toBeGreaterThan(filesBefore.length);
    req.destroy();
    // The server notices the closed socket, discards the partial blob and writes no row.
    await expect.poll(() => storedFiles().length, { timeout: 10_000 }).toBe(filesBefore.length);
    expect(storedFiles()).toEqual(filesBefore);
    expect(await listed()).toBe(rowsBefore);
  });

  it('uploads and downloads ~60 MB without holding the file in memory', async () => {
    const size = 60 * 1024 * 1024;
    // Warm up first (code paths, pools, allocator arenas), so the measurement sees per-byte growth only.
    expect((await upload(4 * 1024 * 1024)).status).toBe(201);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    try {
      const res = await upload(size);
      expect(res.status, res.body).toBe(201);
      const file = JSON.parse(res.body).data;
      expect(file.size).toBe(size);

      const received = await download(`${base}${await linkFor(t, org.specialist, caseId, file.id)}`);
      expect(received).toBe(size);
    } finally {
      clearInterval(sample);
    }
    // Loose on purpose: the point is that growth is far below the file size, not a tight budget.
    const growthMb = (peak - before) / 1024 / 1024;
    expect(growthMb, `RSS growth over a ${size / 1024 / 1024} MB upload and download: ${growthMb.toFixed(1)} MB`).toBeLessThan(40);
  });
});
