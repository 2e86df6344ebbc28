import fs from 'node:fs';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { deriveKey, FILE_LINK_AUDIENCE } from '../src/platform/auth/tokens';
import { parseMasterKey } from '../src/platform/crypto/keyring';
import { lazyBytes, linkFor, makePdf, makePng, sha256, storedFiles, uploadFile, useFilesPractice } from './files.fixtures';
import { call, type TestApp } from './harness';
import type { BuiltOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
const dataDir = useFilesPractice('Files practice', (practice) => {
  ({ t, org, caseId } = practice);
});

const rowCount = async () => Number((await t.owner.query('select count(*) from files.case_files')).rows[0].count);

describe('case files: upload, list, link, download', () => {
  it.each([
    ['referral.pdf', 'application/pdf', makePdf()],
    ['drawing.png', 'image/png', makePng(128)],
  ])('returns identical bytes for %s and keeps only ciphertext on disk', async (filename, type, content) => {
    const up = await uploadFile(t, org.specialist, caseId, { filename, contentType: type, content });
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().data;
    expect(file).toMatchObject({ filename, mime_type: type, size: content.length, sha256: sha256(content), shared_with_client: false, can_delete: true });

    const list = await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/files`, token: org.specialist.token });
    expect(list.json().data.map((f: { id: string }) => f.id)).toContain(file.id);

    const url = await linkFor(t, org.specialist, caseId, file.id);
    expect(url).toMatch(/^\/api\/v1\/files\/download\?token=/);
    const down = await call(t.app, { method: 'GET', url });
    expect(down.statusCode).toBe(200);
    expect(sha256(down.rawPayload)).toBe(sha256(content));
    expect(down.headers['content-type']).toBe(type);
    expect(down.headers['content-disposition']).toBe(`attachment; filename="${filename}"; filename*=UTF-8''${filename}`);
    expect(down.headers['cache-control']).toBe('no-store');
    expect(down.headers['x-content-type-options']).toBe('nosniff');

    const [row] = (await t.owner.query('select org_id, storage_key, filename_ciphertext from files.case_files where id = $1', [file.id])).rows;
    expect(row.filename_ciphertext.includes(Buffer.from(filename))).toBe(false);
    const onDisk = fs.readFileSync(`${dataDir}/files/${row.storage_key}`);
    expect(onDisk.includes(content.subarray(0, 64))).toBe(false);
    expect(onDisk.includes(Buffer.from('%PDF'))).toBe(false);

    const audit = await t.owner.query('select action, purpose, subject_user_id from audit.audit_log where resource_id = $1 order by id', [file.id]);
    expect(audit.rows.map((r) => r.action)).toEqual(['file.upload', 'file.link_create', 'file.download']);
    expect(audit.rows.every((r) => r.purpose === 'treatment' && r.subject_user_id === org.client.userId)).toBe(true);
  });

  it('encodes a non-ASCII filename per RFC 6266 / 8187', async () => {
    const up = await uploadFile(t, org.specialist, caseId, { filename: 'Висновок лікаря.pdf', contentType: 'application/pdf', content: makePdf() });
    const down = await call(t.app, { method: 'GET', url: await linkFor(t, org.specialist, caseId, up.json().data.id) });
    expect(down.headers['content-disposition']).toBe(
      `attachment; filename="________ ______.pdf"; filename*=UTF-8''${encodeURIComponent('Висновок лікаря.pdf')}`,
    );
  });

  it('refuses to serve a file whose stored bytes were changed, and never as a complete download', async () => {
    const content = Buffer.concat([makePdf(), Buffer.alloc(300 * 1024, 0x41)]);
    const up = await uploadFile(t, org.specialist, caseId, { filename: 'long.pdf', contentType: 'application/pdf', content });
    const { storage_key: key } = (await t.owner.query('select storage_key from files.case_files where id = $1', [up.json().data.id])).rows[0];
    const file = `${dataDir}/files/${key}`;
    const original = fs.readFileSync(file);

    const early = Buffer.from(original);
    early[40] = (early[40] as number) ^ 0xff; // inside the first chunk: an error answer
    fs.writeFileSync(file, early);
    const first = await call(t.app, { method: 'GET', url: await linkFor(t, org.specialist, caseId, up.json().data.id) });
    expect(first.statusCode).toBe(500);
    expect(first.json().error.code).toBe('FILE.UNREADABLE');

    const late = Buffer.from(original);
    late[original.length - 100] = (late[original.length - 100] as number) ^ 0xff; // in the last chunk: aborted midway
    fs.writeFileSync(file, late);
    const url = await linkFor(t, org.specialist, caseId, up.json().data.id);
    const outcome = await call(t.app, { method: 'GET', url }).then(
      (res) => ({ status: res.statusCode, bytes: res.rawPayload.length }),
      (error: Error) => ({ status: 0, bytes: 0, error }),
    );
    // The first chunks went out before the damage was found; the transfer is cut, not completed.
    expect(outcome.status === 200 && outcome.bytes === content.length).toBe(false);
    expect('error' in outcome ? outcome.error.message : '').toMatch(/destroyed before completion/);
  });

  it('refuses a PNG name on PDF content (415), an executable (415) and an empty file (400), storing nothing', async () => {
    const before = await rowCount();
    const disk = storedFiles(dataDir).length;
    const mismatch = await uploadFile(t, org.specialist, caseId, { filename: 'photo.png', contentType: 'image/png', content: makePdf() });
    expect(mismatch.statusCode).toBe(415);
    expect(mismatch.json().error.code).toBe('FILE.TYPE_MISMATCH');
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096)]);
    const exe = await uploadFile(t, org.specialist, caseId, { filename: 'tool.exe', content: elf });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe('FILE.TYPE_NOT_ALLOWED');
    const empty = await uploadFile(t, org.specialist, caseId, { filename: 'empty.pdf', contentType: 'application/pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('FILE.EMPTY');
    expect(await rowCount()).toBe(before);
    expect(storedFiles(dataDir).length).toBe(disk);
  });

  it('answers 413 to a 101 MB upload and leaves nothing on disk or in the table', async () => {
    const before = await rowCount();
    const disk = storedFiles(dataDir).length;
    const res = await uploadFile(t, org.specialist, caseId, {
      filename: 'huge.pdf',
      contentType: 'application/pdf',
      content: lazyBytes(makePdf(), 101 * 1024 * 1024),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ success: false, error: { code: 'FILE.TOO_LARGE', message: expect.stringContaining('100 MB') } });
    expect(await rowCount()).toBe(before);
    expect(storedFiles(dataDir).length).toBe(disk);
  });

  it('answers 401 to an expired or forged link', async () => {
    const up = await uploadFile(t, org.specialist, caseId, { filename: 'a.pdf', contentType: 'application/pdf', content: makePdf() });
    const fileId = up.json().data.id;
    const key = deriveKey(parseMasterKey(t.config.masterKey as string).key, 'tend:file-link:v1');
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await new SignJWT({ fid: fileId, org: org.orgId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(org.specialist.userId)
      .setIssuer('tend')
      .setAudience(FILE_LINK_AUDIENCE)
      .setIssuedAt(past - 300)
      .setExpirationTime(past)
      .sign(key);
    const res = await call(t.app, { method: 'GET', url: `/api/v1/files/download?token=${expired}` });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('FILE.LINK_EXPIRED');

    const good = new URL(await linkFor(t, org.specialist, caseId, fileId), 'http://x').searchParams.get('token') as string;
    const [h, p, s] = good.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const swapped = Buffer.from(JSON.stringify({ ...claims, sub: org.client.userId })).toString('base64url');
    for (const forged of [`${h}.${swapped}.${s}`, `${good.slice(0, -3)}abc`, 'not-a-token-at-all']) {
      const bad = await call(t.app, { method: 'GET', url: `/api/v1/files/download?token=${forged}` });
      expect(bad.statusCode, forged).toBe(401);
      expect(bad.json().error.code).toBe('FILE.LINK_INVALID');
    }
  });

  it('lets the uploader or the lead delete; others get 403; deleted files are gone from lists and links', async () => {
    const up = await uploadFile(t, org.client, caseId, { filename: 'diary.txt', contentType: 'text/plain', content: Buffer.from('Slept better this week.\n') });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().data.id;
    const bySupervisor = await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${caseId}/files/${fileId}`, token: org.supervisor.token });
    expect(bySupervisor.statusCode).toBe(403);
    const url = await linkFor(t, org.specialist, caseId, fileId);
    const byLead = await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${caseId}/files/${fileId}`, token: org.specialist.token });
    expect(byLead.statusCode).toBe(200);
    const list = await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/files`, token: org.specialist.token });
    expect(list.json().data.map((f: { id: string }) => f.id)).not.toContain(fileId);
    expect((await call(t.app, { method: 'GET', url })).statusCode).toBe(404);
    const audit = await t.owner.query("select 1 from audit.audit_log where resource_id = $1 and action = 'file.delete'", [fileId]);
    expect(audit.rowCount).toBe(1);
  });
});
