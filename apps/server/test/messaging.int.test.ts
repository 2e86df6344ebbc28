import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Realtime } from '../src/platform/realtime/realtime';
import { addMember, call, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let realtime: Realtime;
let url: string;
let org: BuiltOrg;
let caseId: string;
let conversationId: string;
beforeAll(async () => {
  t = await createTestApp();
  ({ url, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Chat practice');
  caseId = await openCase(t, org.specialist, org.client.userId, { jurisdiction: 'UA' });
  conversationId = (await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: org.client.token })).json().data.id;
});
afterAll(async () => {
  await realtime.close();
  await t.close();
});

const connect = (token: string) => connectSocket(url, token);
const next = nextEvent;
const send = (token: string, body: string, conversation = conversationId) =>
  call(t.app, { method: 'POST', url: `/api/v1/conversations/${conversation}/messages`, token, payload: { body } });

describe('case chat', () => {
  it('is one chat per case, even when the client and the specialist open it at the same moment', async () => {
    const fresh = await openCase(t, org.specialist, org.client.userId, { jurisdiction: 'UA' });
    const opened = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(t.app, { method: 'POST', url: `/api/v1/cases/${fresh}/conversation`, token: i % 2 ? org.client.token : org.specialist.token }),
      ),
    );
    expect(opened.map((r) => r.statusCode)).toEqual(Array(10).fill(200));
    expect(new Set(opened.map((r) => r.json().data.id)).size).toBe(1);
  });

  it('stores a message encrypted before delivering it live, pages history, and records read receipts', async () => {
    const specialist = await connect(org.specialist.token);
    const client = await connect(org.client.token);
    const arrived = next(specialist, 'message');
    const res = await send(org.client.token, 'Can we move Thursday? <script>alert(1)</script>');
    expect(res.statusCode).toBe(201);
    expect(res.json().data).toMatchObject({ body: 'Can we move Thursday? <script>alert(1)</script>', support: null });
    expect(await arrived).toMatchObject({ id: res.json().data.id, body: 'Can we move Thursday? <script>alert(1)</script>' });
    const stored = (await t.owner.query('select m::text as row from messaging.messages m where id = $1', [res.json().data.id])).rows[0].row;
    expect(stored).not.toContain('Thursday');

    for (let i = 0; i < 5; i++) await send(org.specialist.token, `reply ${i}`);
    const page = await call(t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}/messages?limit=3`, token: org.client.token });
    expect(page.json().data.map((m: { body: string }) => m.body)).toEqual(['reply 4', 'reply 3', 'reply 2']);
    const older = await call(t.app, {
      method: 'GET',
      url: `/api/v1/conversations/${conversationId}/messages?limit=3&before=${encodeURIComponent(page.json().data[2].created_at)}`,
      token: org.client.token,
    });
    expect(older.json().data.map((m: { body: string }) => m.body)).toEqual(['reply 1', 'reply 0', 'Can we move Thursday? <script>alert(1)</script>']);

    const receipt = next(specialist, 'message.read');
    expect((await call(t.app, { method: 'POST', url: `/api/v1/conversations/${conversationId}/read`, token: org.client.token })).statusCode).toBe(200);
    expect(await receipt).toMatchObject({ conversation_id: conversationId, user_id: org.client.userId });
    specialist.close();
    client.close();
  });

  it('flags a crisis-level client message for the care team within a second and shows the client support, never blocking them', async () => {
    const specialist = await connect(org.specialist.token);
    const flagged = new Promise<Record<string, unknown>>((resolve) =>
      specialist.on('notification', (n: Record<string, unknown>) => n.kind === 'risk.flag' && resolve(n)),
    );
    const started = Date.now();
    const res = await send(org.client.token, 'I have the pills here and I am going to take them all tonight');
    expect(res.statusCode).toBe(201);
    expect(res.json().data.support).toMatchObject({ jurisdiction: 'UA' });
    const note = await flagged;
    expect(Date.now() - started).toBeLessThan(1000);
    expect(note).toMatchObject({ urgent: true, data: { level: 'crisis', message_id: res.json().data.id } });
    const flags = await call(t.app, { method: 'GET', url: '/api/v1/risk-flags', token: org.specialist.token });
    expect(flags.json().data[0]).toMatchObject({ level: 'crisis', source_id: res.json().data.id, status: 'open', case_id: caseId });
    const alerts = await call(t.app, { method: 'GET', url: '/api/v1/crisis/alerts', token: org.specialist.token });
    expect(alerts.json().data.some((a: { kind: string }) => a.kind === 'risk_message')).toBe(true);
    // A hard negative raises nothing.
    const calm = await send(org.client.token, 'I would never kill myself, I just feel tired this week');
    expect(calm.json().data.support).toBeNull();
    expect((await call(t.app, { method: 'GET', url: '/api/v1/risk-flags', token: org.specialist.token })).json().data).toHaveLength(1);
    const flagId = flags.json().data[0].id;
    expect((await call(t.app, { method: 'POST', url: `/api/v1/risk-flags/${flagId}/resolve`, token: org.specialist.token, payload: {} })).statusCode).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/risk-flags/${flagId}/resolve`,
          token: org.specialist.token,
          payload: { note: 'Called; safety plan reviewed' },
        })
      ).json().data.status,
    ).toBe('resolved');
    expect((await call(t.app, { method: 'GET', url: '/api/v1/risk-flags', token: org.client.token })).statusCode).toBe(403);
    specialist.close();
  });

  it('refuses outsiders, oversized and empty messages, and rate-limits a flood per person without losing accepted messages', async () => {
    const outsider = await addMember(t, org.admin, 'specialist');
    expect((await send(outsider.token, 'hello')).statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/conversations/${conversationId}/messages`, token: outsider.token })).statusCode).toBe(404);
    const b = await buildOrg(t, 'Other');
    expect((await send(b.client.token, 'hello')).statusCode).toBe(404);
    expect((await call(t.app, { method: 'POST', url: `/api/v1/cases/${caseId}/conversation`, token: b.specialist.token })).statusCode).toBe(404);
    expect((await send(org.client.token, 'x'.repeat(10_001))).statusCode).toBe(400);
    expect((await send(org.client.token, '   ')).statusCode).toBe(400);
    expect(
      (
        await call(t.app, {
          method: 'POST',
          url: `/api/v1/conversations/${conversationId}/messages`,
          token: org.client.token,
          payload: { body: 'a'.repeat(1_100_000) },
        })
      ).statusCode,
    ).toBe(413);

    const before = Number((await t.owner.query('select count(*) from messaging.messages where conversation_id = $1', [conversationId])).rows[0].count);
    const results = await Promise.all(Array.from({ length: 150 }, (_, i) => send(org.specialist.token, `flood ${i}`)));
    const accepted = results.filter((r) => r.statusCode === 201).length;
    expect(results.filter((r) => r.statusCode === 429)).not.toHaveLength(0);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 429)).toBe(true);
    const after = Number((await t.owner.query('select count(*) from messaging.messages where conversation_id = $1', [conversationId])).rows[0].count);
    expect(after - before).toBe(accepted);
    const ctx = { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin' as const, platformAdmin: false, system: false };
    const seen = await t.runtime.db.inContext(ctx, async (tx) => [
      (await tx.$client.query('select id from messaging.messages where org_id = $1', [org.orgId])).rowCount,
      (await tx.$client.query('select id from messaging.conversations where org_id = $1', [org.orgId])).rowCount,
      (await tx.$client.query('select id from crisis.risk_flags where org_id = $1', [org.orgId])).rowCount,
    ]);
    expect(seen).toEqual([0, 0, 0]);
  });
});
