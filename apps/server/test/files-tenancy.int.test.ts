import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbContext } from '../src/platform/db/database';
import { openCase } from './cases.fixtures';
import { linkFor, makePdf, makePng, tempDataDir, uploadFile } from './files.fixtures';
import { addMember, call, createTestApp, type TestApp } from './harness';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let a: BuiltOrg;
let b: BuiltOrg;
let aCase: string;
let shared: string;
let unshared: string;
const dataDir = tempDataDir();
beforeAll(async () => {
  t = await createTestApp({ dataDir });
  a = await buildOrg(t, 'Org A');
  b = await buildOrg(t, 'Org B');
  aCase = await openCase(t, a.specialist, a.client.userId);
  shared = (await uploadFile(t, a.specialist, aCase, { filename: 'handout.pdf', contentType: 'application/pdf', content: makePdf(), shared: true })).json().data
    .id;
  unshared = (await uploadFile(t, a.specialist, aCase, { filename: 'assessment.png', contentType: 'image/png', content: makePng() })).json().data.id;
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const ids = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((f) => f.id);

describe('case files across orgs and roles', () => {
  it("answers 404 to another org's members on every files route", async () => {
    const routes = [
      { method: 'GET' as const, url: `/api/v1/cases/${aCase}/files` },
      { method: 'POST' as const, url: `/api/v1/cases/${aCase}/files/${shared}/link` },
      { method: 'PATCH' as const, url: `/api/v1/cases/${aCase}/files/${shared}`, payload: { shared_with_client: false } },
      { method: 'DELETE' as const, url: `/api/v1/cases/${aCase}/files/${shared}` },
    ];
    for (const outsider of [b.admin, b.specialist, b.supervisor, b.client]) {
      for (const route of routes) {
        const res = await call(t.app, { ...route, token: outsider.token });
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(404);
      }
      const up = await uploadFile(t, outsider, aCase, { filename: 'x.pdf', contentType: 'application/pdf', content: makePdf() });
      expect(up.statusCode).toBe(404);
    }
  });

  it("returns zero rows of org A's files to raw SQL as tend_app in org B's context", async () => {
    const sql = 'select id from files.case_files where org_id = $1';
    expect((await t.owner.query(sql, [a.orgId])).rowCount).toBeGreaterThan(0);
    const contexts: DbContext[] = [
      { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin', platformAdmin: false, system: false },
      { userId: b.specialist.userId, orgId: b.orgId, role: 'specialist', platformAdmin: false, system: false },
      { userId: b.supervisor.userId, orgId: b.orgId, role: 'supervisor', platformAdmin: false, system: false },
      { userId: a.client.userId, orgId: b.orgId, role: 'client', platformAdmin: false, system: false },
    ];
    for (const context of contexts) {
      const seen = await t.runtime.db.inContext(context, (tx) => tx.$client.query(sql, [a.orgId]));
      expect(seen.rowCount, JSON.stringify(context)).toBe(0);
    }
    // And in org A, the client of the case sees only the shared file at the database level too.
    const client = await t.runtime.db.inContext({ userId: a.client.userId, orgId: a.orgId, role: 'client', platformAdmin: false, system: false }, (tx) =>
      tx.$client.query(sql, [a.orgId]),
    );
    expect(client.rows.map((r: { id: string }) => r.id)).toEqual([shared]);
  });

  it('shows the client only shared files and their own uploads; unshared ones are 404 to them', async () => {
    const own = await uploadFile(t, a.client, aCase, { filename: 'mood.png', contentType: 'image/png', content: makePng(), shared: false });
    expect(own.statusCode, own.body).toBe(201);
    const list = await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}/files`, token: a.client.token });
    expect(ids(list).sort()).toEqual([shared, own.json().data.id].sort());
    expect((await call(t.app, { method: 'POST', url: `/api/v1/cases/${aCase}/files/${unshared}/link`, token: a.client.token })).statusCode).toBe(404);
    const sharing = await call(t.app, {
      method: 'PATCH',
      url: `/api/v1/cases/${aCase}/files/${unshared}`,
      token: a.client.token,
      payload: { shared_with_client: true },
    });
    expect(sharing.statusCode).toBe(403); // the care team decides what the client sees
    const down = await call(t.app, { method: 'GET', url: await linkFor(t, a.client, aCase, shared) });
    expect(down.statusCode).toBe(200);

    // Once the lead shares it, the client sees it; the care team always saw it.
    const share = await call(t.app, {
      method: 'PATCH',
      url: `/api/v1/cases/${aCase}/files/${unshared}`,
      token: a.specialist.token,
      payload: { shared_with_client: true },
    });
    expect(share.json().data.shared_with_client).toBe(true);
    expect(ids(await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}/files`, token: a.client.token }))).toContain(unshared);
    await call(t.app, { method: 'PATCH', url: `/api/v1/cases/${aCase}/files/${unshared}`, token: a.specialist.token, payload: { shared_with_client: false } });
  });

  it("keeps files from a client of the practice who is not the case's client, and from the org admin", async () => {
    const other = await addMember(t, a.admin, 'client');
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}/files`, token: other.token })).statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}/files`, token: a.admin.token })).statusCode).toBe(403);
    expect(ids(await call(t.app, { method: 'GET', url: `/api/v1/cases/${aCase}/files`, token: a.supervisor.token }))).toContain(unshared);
  });

  it('does not let a link outlive the access it was made under', async () => {
    const url = await linkFor(t, a.client, aCase, shared);
    await call(t.app, { method: 'PATCH', url: `/api/v1/cases/${aCase}/files/${shared}`, token: a.specialist.token, payload: { shared_with_client: false } });
    expect((await call(t.app, { method: 'GET', url })).statusCode).toBe(404);
  });
});
