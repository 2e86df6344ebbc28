import { describe, expect, it } from 'vitest';
import { makePdf, uploadFile, useFilesPractice } from './files.fixtures';
import { call, type TestApp } from './harness';
import type { BuiltOrg } from './tenancy.fixtures';

let t: TestApp;
let org: BuiltOrg;
let caseId: string;
useFilesPractice('Files timeline practice', (practice) => {
  ({ t, org, caseId } = practice);
});

const history = async () =>
  (await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}/history`, token: org.specialist.token })).json().data as {
    kind: string;
    actor: { id: string } | null;
    data: Record<string, string | null>;
  }[];

describe('case files on the case timeline', () => {
  it('records an upload and a deletion in the case history, without the filename in the clear', async () => {
    const up = await uploadFile(t, org.specialist, caseId, { filename: 'Referral letter.pdf', contentType: 'application/pdf', content: makePdf() });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().data.id;
    const added = (await history()).find((e) => e.kind === 'file_added');
    expect(added).toMatchObject({ actor: { id: org.specialist.userId }, data: { file_id: fileId, mime_type: 'application/pdf' } });
    expect(JSON.stringify(added)).not.toContain('Referral');

    const removed = await call(t.app, { method: 'DELETE', url: `/api/v1/cases/${caseId}/files/${fileId}`, token: org.specialist.token });
    expect(removed.statusCode).toBe(200);
    expect((await history()).filter((e) => e.data.file_id === fileId).map((e) => e.kind)).toEqual(['file_removed', 'file_added']);
  });

  it("records the client's own upload too; a refused upload leaves no event", async () => {
    const up = await uploadFile(t, org.client, caseId, { filename: 'diary.txt', contentType: 'text/plain', content: Buffer.from('Slept better.\n') });
    expect(up.statusCode, up.body).toBe(201);
    const before = (await history()).length;
    const refused = await uploadFile(t, org.specialist, caseId, { filename: 'scan.pdf', contentType: 'application/pdf', content: Buffer.from('plain words') });
    expect(refused.statusCode).toBe(415);
    expect(refused.json().error.code).toBe('FILE.TYPE_MISMATCH');
    const events = await history();
    expect(events.length).toBe(before);
    expect(events[0]).toMatchObject({ kind: 'file_added', actor: { id: org.client.userId }, data: { file_id: up.json().data.id } });
  });
});
