import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { buildOrg } from './tenancy.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('who viewed my record', () => {
  it("shows a client each access to their record by someone else, with the specialist's name and the others' roles, and nothing about other people", async () => {
    const org = await buildOrg(t, 'Transparent practice');
    const other = await buildOrg(t, 'Other practice');
    const caseId = await openCase(t, org.specialist, org.client.userId);
    await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}`, token: org.supervisor.token });
    await call(t.app, { method: 'GET', url: `/api/v1/cases/${caseId}`, token: org.client.token });
    const otherCase = await openCase(t, other.specialist, other.client.userId);
    await call(t.app, { method: 'GET', url: `/api/v1/cases/${otherCase}`, token: other.specialist.token });

    const res = await call(t.app, { method: 'GET', url: '/api/v1/privacy/record-access', token: org.client.token });
    expect(res.statusCode).toBe(200);
    const entries = res.json().data as { action: string; actor: { id: string; name: string | null; role: string }; org: { name: string } }[];
    expect(entries.map((e) => [e.action, e.actor.role])).toEqual([
      ['case.read', 'supervisor'],
      ['case.create', 'specialist'],
    ]);
    expect(entries[1]?.actor.name).toBe('A specialist');
    expect(entries[0]?.actor.name).toBeNull();
    expect(entries[0]?.org.name).toMatch(/^Transparent practice/);
    expect(res.json().meta.total).toBe(2);
    expect(res.body).not.toContain(otherCase);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(['action', 'actor', 'at', 'id', 'org', 'purpose', 'resource_type']);

    const paged = await call(t.app, { method: 'GET', url: '/api/v1/privacy/record-access?per_page=1&page=2', token: org.client.token });
    expect(paged.json().data.map((e: { action: string }) => e.action)).toEqual(['case.create']);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/privacy/record-access?per_page=1000', token: org.client.token })).statusCode).toBe(400);
    // Another client's view does not include this client's accesses.
    const theirs = await call(t.app, { method: 'GET', url: '/api/v1/privacy/record-access', token: other.client.token });
    expect(theirs.json().data.every((e: { org: { name: string } }) => e.org.name.startsWith('Other practice'))).toBe(true);
  });
});
