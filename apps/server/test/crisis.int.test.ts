import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Realtime } from '../src/platform/realtime/realtime';
import { call, register, type TestApp, createTestApp } from './harness';
import { openCase } from './cases.fixtures';
import { connectSocket, listenWithSockets, nextEvent } from './realtime.fixtures';
import { type BuiltOrg, buildOrg } from './tenancy.fixtures';

let t: TestApp;
let realtime: Realtime;
let url: string;
let org: BuiltOrg;
beforeAll(async () => {
  // Email is down for this whole file: nothing on the crisis path may depend on it.
  t = await createTestApp({ smtpUrl: 'smtp://127.0.0.1:1' });
  ({ url, realtime } = await listenWithSockets(t));
  org = await buildOrg(t, 'Crisis practice');
  await openCase(t, org.specialist, org.client.userId);
});
afterAll(async () => {
  await realtime.close();
  await t.close();
});

const connect = (token: string) => connectSocket(url, token);
const next = nextEvent;
const escalate = async (alertId: string) => {
  const { createAlertsService } = await import('../src/modules/crisis/alerts.service');
  const { createSafetyPlansService } = await import('../src/modules/crisis/safety-plans.service');
  const { createNotificationsService } = await import('../src/modules/notifications/notifications.service');
  const deps = {
    db: t.runtime.db,
    crypto: t.runtime.crypto,
    jobs: t.runtime.jobs,
    mailer: t.runtime.mailer,
    notifications: createNotificationsService({ db: t.runtime.db, relay: t.runtime.relay, jobs: t.runtime.jobs }),
    publicUrl: 'http://tend.test',
    logger: pino({ level: 'silent' }),
  };
  return createAlertsService(deps, createSafetyPlansService(deps)).escalate(alertId);
};

describe('crisis resources', () => {
  it('are public, by where the person is now, and fall back to the international list', async () => {
    const ua = await call(t.app, { method: 'GET', url: '/api/v1/crisis/resources?jurisdiction=UA' });
    expect(ua.statusCode).toBe(200);
    expect(ua.json().data).toMatchObject({ jurisdiction: 'UA', fallback: false });
    expect(ua.json().data.lines.map((l: { number: string }) => l.number)).toEqual(expect.arrayContaining(['112', '7333']));
    const unknown = await call(t.app, { method: 'GET', url: '/api/v1/crisis/resources?jurisdiction=Atlantis' });
    expect(unknown.json().data).toMatchObject({ jurisdiction: 'INTL', fallback: true });
    expect((await call(t.app, { method: 'GET', url: '/api/v1/crisis/resources' })).json().data.fallback).toBe(true);
  });
});

describe('SOS', () => {
  it('shows the client crisis lines at once and alerts the care team live, even with email down; escalates when nobody answers', async () => {
    const specialistSocket = await connect(org.specialist.token);
    const adminSocket = await connect(org.admin.token);
    const arrived = next(specialistSocket, 'notification');
    const started = Date.now();
    const res = await call(t.app, {
      method: 'POST',
      url: '/api/v1/crisis/sos',
      token: org.client.token,
      payload: { jurisdiction: 'us-ny', note: 'I am not safe' },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json().data;
    expect(body).toMatchObject({ resources: { jurisdiction: 'US', fallback: false }, notified: 1, safety_plan: null });
    expect(body.resources.lines.map((l: { number: string }) => l.number)).toEqual(expect.arrayContaining(['911', '988']));
    const event = await arrived;
    expect(event).toMatchObject({
      kind: 'crisis.alert',
      urgent: true,
      data: { alert_id: body.alert_id, reason: 'sos' },
      link: `/crisis/alerts/${body.alert_id}`,
    });
    expect(Date.now() - started).toBeLessThan(1000);

    const alerts = await call(t.app, { method: 'GET', url: '/api/v1/crisis/alerts', token: org.specialist.token });
    expect(alerts.json().data[0]).toMatchObject({ id: body.alert_id, status: 'open', note: 'I am not safe', client: { id: org.client.userId } });

    // Nobody acknowledged within the window: the job escalates to the practice's admins and supervisors.
    const escalated = next(adminSocket, 'notification');
    expect(await escalate(body.alert_id)).toBe(true);
    expect(await escalated).toMatchObject({ data: { alert_id: body.alert_id, reason: 'escalation' } });
    // Stored in the notification centre too: unread until read.
    const inbox = await call(t.app, { method: 'GET', url: '/api/v1/notifications?unread=true', token: org.admin.token });
    expect(inbox.json().data[0]).toMatchObject({ kind: 'crisis.alert', urgent: true, title: { en: 'Unanswered SOS: you are needed' } });
    expect((await call(t.app, { method: 'GET', url: '/api/v1/notifications/unread-count', token: org.admin.token })).json().data.unread).toBe(1);
    expect((await call(t.app, { method: 'POST', url: `/api/v1/notifications/${inbox.json().data[0].id}/read`, token: org.specialist.token })).statusCode).toBe(
      404,
    );
    expect((await call(t.app, { method: 'POST', url: `/api/v1/notifications/${inbox.json().data[0].id}/read`, token: org.admin.token })).statusCode).toBe(200);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/notifications/unread-count', token: org.admin.token })).json().data.unread).toBe(0);
    const ack = await call(t.app, {
      method: 'POST',
      url: `/api/v1/crisis/alerts/${body.alert_id}/acknowledge`,
      token: org.specialist.token,
      payload: { note: 'Called the client' },
    });
    expect(ack.json().data).toMatchObject({ status: 'acknowledged', acknowledged_by: org.specialist.userId });
    const log = ack.json().data.log.map((l: { step: string; channel: string | null }) => `${l.step}/${l.channel}`);
    expect(log).toEqual(expect.arrayContaining(['created/app', 'notified/in_app', 'notified/email', 'escalated/in_app', 'acknowledged/null']));
    const resolved = await call(t.app, {
      method: 'POST',
      url: `/api/v1/crisis/alerts/${body.alert_id}/resolve`,
      token: org.admin.token,
      payload: { note: 'Safe with family' },
    });
    expect(resolved.json().data.status).toBe('resolved');
    expect(
      (await call(t.app, { method: 'POST', url: `/api/v1/crisis/alerts/${body.alert_id}/resolve`, token: org.admin.token, payload: {} })).json().error.code,
    ).toBe('CRISIS.ALERT_CLOSED');
    specialistSocket.close();
    adminSocket.close();
  });

  it('does not escalate an acknowledged alert, and never fails the client', async () => {
    const sos = (await call(t.app, { method: 'POST', url: '/api/v1/crisis/sos', token: org.client.token, payload: { jurisdiction: 'Narnia' } })).json().data;
    expect(sos.resources).toMatchObject({ jurisdiction: 'INTL', fallback: true });
    await call(t.app, { method: 'POST', url: `/api/v1/crisis/alerts/${sos.alert_id}/acknowledge`, token: org.specialist.token, payload: {} });
    expect(await escalate(sos.alert_id)).toBe(false);
    // A person in no practice still gets crisis lines.
    const loner = await register(t.app);
    const alone = await call(t.app, { method: 'POST', url: '/api/v1/crisis/sos', token: loner.token, payload: { jurisdiction: 'PL' } });
    expect(alone.statusCode).toBe(201);
    expect(alone.json().data).toMatchObject({ alert_id: null, resources: { jurisdiction: 'PL' } });
    expect((await call(t.app, { method: 'POST', url: '/api/v1/crisis/sos', token: org.client.token, payload: { note: 'x'.repeat(2001) } })).statusCode).toBe(
      400,
    );
  });

  it('keeps alerts from other orgs and from staff who do not care for the client', async () => {
    const sos = (await call(t.app, { method: 'POST', url: '/api/v1/crisis/sos', token: org.client.token, payload: {} })).json().data;
    const b = await buildOrg(t, 'Other');
    for (const s of [b.admin, b.specialist, b.supervisor]) {
      expect((await call(t.app, { method: 'GET', url: `/api/v1/crisis/alerts/${sos.alert_id}`, token: s.token })).statusCode).toBe(404);
      expect((await call(t.app, { method: 'POST', url: `/api/v1/crisis/alerts/${sos.alert_id}/acknowledge`, token: s.token, payload: {} })).statusCode).toBe(
        404,
      );
      expect((await call(t.app, { method: 'GET', url: '/api/v1/crisis/alerts', token: s.token })).body).not.toContain(sos.alert_id);
    }
    const { addMember } = await import('./harness');
    const stranger = await addMember(t, org.admin, 'specialist');
    expect((await call(t.app, { method: 'GET', url: `/api/v1/crisis/alerts/${sos.alert_id}`, token: stranger.token })).statusCode).toBe(404);
    expect((await call(t.app, { method: 'GET', url: '/api/v1/crisis/alerts', token: org.client.token })).statusCode).toBe(403);
    const ctx = { userId: b.admin.userId, orgId: b.orgId, role: 'org_admin' as const, platformAdmin: false, system: false };
    const seen = await t.runtime.db.inContext(ctx, async (tx) => [
      (await tx.$client.query('select id from crisis.alerts where org_id = $1', [org.orgId])).rowCount,
      (await tx.$client.query('select id from crisis.escalation_log where org_id = $1', [org.orgId])).rowCount,
    ]);
    expect(seen).toEqual([0, 0]);
  });
});

describe('safety plan', () => {
  const plan = {
    warning_signs: ['Not sleeping', 'Pulling away from friends'],
    internal_coping: ['Cold water on my face', 'Walk the dog'],
    social_distractions: ['Café on the corner'],
    help_contacts: [{ name: 'Sister Olha', phone: '+380 67 000 00 00', relation: 'sister' }],
    professional_contacts: [{ name: 'Lifeline Ukraine', phone: '7333' }],
    environment_safety: ['Pills kept by my sister'],
    worth_living_for: 'My daughter',
  };

  it('is written together, versioned, and comes back with every SOS', async () => {
    const first = await call(t.app, { method: 'PUT', url: '/api/v1/crisis/safety-plan', token: org.client.token, payload: { base_version: 0, plan } });
    expect(first.statusCode).toBe(200);
    expect(first.json().data).toMatchObject({ version: 1, plan: { worth_living_for: 'My daughter' } });
    const edited = { ...plan, internal_coping: [...plan.internal_coping, 'Box breathing'] };
    const second = await call(t.app, {
      method: 'PUT',
      url: '/api/v1/crisis/safety-plan',
      token: org.specialist.token,
      payload: { client_id: org.client.userId, base_version: 1, plan: edited },
    });
    expect(second.json().data).toMatchObject({ version: 2, updated_by: { id: org.specialist.userId } });
    const stale = await call(t.app, { method: 'PUT', url: '/api/v1/crisis/safety-plan', token: org.client.token, payload: { base_version: 1, plan } });
    expect(stale.json().error.code).toBe('CRISIS.PLAN_VERSION_CONFLICT');
    const sos = await call(t.app, { method: 'POST', url: '/api/v1/crisis/sos', token: org.client.token, payload: { jurisdiction: 'UA' } });
    expect(sos.json().data.safety_plan).toMatchObject({ version: 2, plan: { internal_coping: ['Cold water on my face', 'Walk the dog', 'Box breathing'] } });
    const stored = (await t.owner.query('select s::text as row from crisis.safety_plans s where client_user_id = $1', [org.client.userId])).rows
      .map((r) => r.row)
      .join();
    expect(stored).not.toContain('My daughter');
  });

  it('refuses bad input and people outside the care team', async () => {
    const bad = { ...plan, help_contacts: [{ name: 'X', phone: 'call me maybe' }] };
    expect(
      (await call(t.app, { method: 'PUT', url: '/api/v1/crisis/safety-plan', token: org.client.token, payload: { base_version: 2, plan: bad } })).statusCode,
    ).toBe(400);
    const b = await buildOrg(t, 'Elsewhere');
    expect((await call(t.app, { method: 'GET', url: `/api/v1/crisis/safety-plan?client_id=${org.client.userId}`, token: b.specialist.token })).statusCode).toBe(
      404,
    );
    expect(
      (
        await call(t.app, {
          method: 'PUT',
          url: '/api/v1/crisis/safety-plan',
          token: b.specialist.token,
          payload: { client_id: org.client.userId, base_version: 0, plan },
        })
      ).statusCode,
    ).toBe(404);
    expect((await call(t.app, { method: 'GET', url: `/api/v1/crisis/safety-plan?client_id=${b.client.userId}`, token: org.client.token })).statusCode).toBe(
      404,
    );
    expect((await call(t.app, { method: 'GET', url: '/api/v1/crisis/safety-plan', token: org.specialist.token })).statusCode).toBe(400);
  });
});
