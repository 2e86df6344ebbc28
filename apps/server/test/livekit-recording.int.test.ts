import { describe, expect, it } from 'vitest';
import { eraseAppointmentsOf } from '../src/modules/scheduling';
import { systemContext } from '../src/platform/db/database';
import { call, type TestApp } from './harness';
import { type FakeLiveKit, webhookAuth } from './livekit.fixtures';
import { type BuiltOrg } from './tenancy.fixtures';
import { consentToRecording, eventRows, eventually, recording, sessionOf, useLiveKitPractice, webhook } from './livekit.practice';

let t: TestApp;
let fake: FakeLiveKit;
let a: BuiltOrg;
let b: BuiltOrg;
useLiveKitPractice((practice) => ({ t, fake, a, b } = practice));

describe('recording with consent (fake LiveKit egress)', () => {
  it('refuses to record without the client’s consent for this session, naming them; nothing reaches LiveKit', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    await consentToRecording(s.client, '0190a5e4-1d2c-7b3a-8f00-0000000000aa'); // another session's consent does not count
    const before = fake.calls('StartRoomCompositeEgress').length;
    const res = await recording('POST', id, s.specialist.token);
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error).toMatchObject({
      code: 'SESSION.RECORDING_CONSENT_MISSING',
      details: { missing: [{ user_id: s.client.userId, role: 'client', name: 'A client', reason: 'no_grant' }] },
    });
    expect(fake.calls('StartRoomCompositeEgress').length).toBe(before);
    expect((await recording('GET', id, s.specialist.token)).json().data).toBeNull();
    const denial = await t.owner.query("select details from audit.audit_log where action = 'consent.denied' and details->>'session_id' = $1", [id]);
    expect(denial.rows).toHaveLength(1);
  });

  it('starts egress with the consent, shows it to the client, and stops it when the client withdraws consent', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    const grant = await consentToRecording(s.client, id);
    const before = fake.calls('StartRoomCompositeEgress').length;
    const started = await recording('POST', id, s.specialist.token);
    expect(started.statusCode, started.body).toBe(201);
    expect(started.json().data).toMatchObject({ session_id: id, status: 'active', started_by: s.specialist.userId, stop_reason: null });
    const egress = fake.calls('StartRoomCompositeEgress').slice(before);
    expect(egress).toHaveLength(1);
    expect(egress[0]?.body).toMatchObject({
      roomName: `tend_${a.orgId}_${id}`,
      fileOutputs: [{ fileType: 'MP4', filepath: `recordings/${a.orgId}/${id}/{time}.mp4` }],
    });
    expect(egress[0]?.claims.video).toMatchObject({ roomRecord: true });
    expect((await recording('GET', id, s.client.token)).json().data.status).toBe('active');
    expect((await recording('POST', id, s.specialist.token)).json().error.code).toBe('SESSION.RECORDING_ACTIVE');

    const revoked = await call(t.app, { method: 'POST', url: `/api/v1/consent/${grant}/revoke`, token: s.client.token, payload: {} });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const after = await eventually(
      async () => (await recording('GET', id, s.client.token)).json().data,
      (r) => r.status !== 'active',
    );
    expect(after).toMatchObject({ status: 'stopped', stop_reason: 'consent_revoked' });
    const egressId = (await t.owner.query('select provider_recording_id from scheduling.session_recordings where appointment_id = $1', [id])).rows[0]
      .provider_recording_id;
    expect(egressId).toMatch(/^EG_fake/);
    expect(fake.calls('StopEgress').map((c) => c.body.egressId)).toContain(egressId);
  });

  it('lets the specialist stop a recording; a second stop is a clear 409; egress_ended from LiveKit keeps the file’s place', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    await consentToRecording(s.client);
    const started = await recording('POST', id, s.specialist.token);
    expect(started.statusCode, started.body).toBe(201);
    const stopped = await recording('DELETE', id, s.specialist.token);
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json().data).toMatchObject({ status: 'stopped', stop_reason: 'specialist' });
    expect((await recording('DELETE', id, s.specialist.token)).json().error.code).toBe('SESSION.NOT_RECORDING');

    const egressId = (await t.owner.query('select provider_recording_id from scheduling.session_recordings where appointment_id = $1', [id])).rows[0]
      .provider_recording_id;
    expect(fake.calls('StopEgress').map((c) => c.body.egressId)).toContain(egressId);
    const ended = JSON.stringify({
      event: 'egress_ended',
      id: `EV_${egressId}_ended`,
      egressInfo: {
        egressId,
        roomName: `tend_${a.orgId}_${id}`,
        status: 'EGRESS_COMPLETE',
        fileResults: [{ filename: 'x.mp4', location: 's3://bucket/x.mp4' }],
      },
    });
    expect((await webhook(ended, webhookAuth(ended))).statusCode).toBe(200);
    const row = (await t.owner.query('select status, location from scheduling.session_recordings where appointment_id = $1', [id])).rows[0];
    expect(row).toEqual({ status: 'stopped', location: 's3://bucket/x.mp4' });
    expect((await eventRows(id)).map((e) => e.kind)).toEqual(['egress_ended']);
  });

  it('stops a running recording and closes the room when the specialist ends the session', async () => {
    const s = await sessionOf(a);
    await consentToRecording(s.client, s.id);
    expect((await recording('POST', s.id, s.specialist.token)).statusCode).toBe(201);
    const ended = await call(t.app, { method: 'POST', url: `/api/v1/sessions/${s.id}/end`, token: s.specialist.token });
    expect(ended.statusCode, ended.body).toBe(200);
    const after = await eventually(
      async () => (await recording('GET', s.id, s.client.token)).json().data,
      (r) => r.status !== 'active',
    );
    expect(after).toMatchObject({ status: 'stopped', stop_reason: 'session_ended' });
    const room = `tend_${a.orgId}_${s.id}`;
    await eventually(
      async () => fake.calls('DeleteRoom').map((c) => c.body.room),
      (rooms) => rooms.includes(room),
    );
    expect(fake.calls('DeleteRoom').map((c) => c.body.room)).toContain(room);
  });

  it('erasing a client deletes their sessions’ video events and recording rows with the appointments', async () => {
    const s = await sessionOf(a);
    await consentToRecording(s.client, s.id);
    expect((await recording('POST', s.id, s.specialist.token)).statusCode).toBe(201);
    const body = JSON.stringify({
      event: 'participant_left',
      room: { name: `tend_${a.orgId}_${s.id}` },
      participant: { identity: s.client.userId },
      id: `EV_left_${s.id}`,
    });
    expect((await webhook(body, webhookAuth(body))).statusCode).toBe(200);
    const erased = await t.runtime.db.inContext({ ...systemContext, orgId: a.orgId }, async (tx) => {
      await tx.$client.query("select set_config('app.erasure', 'on', true)");
      return eraseAppointmentsOf(tx, a.orgId, s.client.userId);
    });
    expect(erased).toBe(1);
    for (const table of ['session_video_events', 'session_recordings']) {
      expect((await t.owner.query(`select 1 from scheduling.${table} where appointment_id = $1`, [s.id])).rowCount, table).toBe(0);
    }
  });

  it('answers 502 when LiveKit fails, leaving no running recording behind', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    await consentToRecording(s.client, id);
    fake.failNextRequest();
    const res = await recording('POST', id, s.specialist.token);
    expect(res.statusCode, res.body).toBe(502);
    expect(res.json().error.code).toBe('SESSION.VIDEO_PROVIDER_FAILED');
    expect((await recording('GET', id, s.specialist.token)).json().data.status).toBe('failed');
    expect((await recording('POST', id, s.specialist.token)).statusCode).toBe(201);
  });

  it('only the session’s specialist records; the client gets 403; another org’s specialist gets 404 on every recording route', async () => {
    const s = await sessionOf(a);
    const id = s.id;
    expect((await recording('POST', id, s.client.token)).json().error.code).toBe('SESSION.NOT_ALLOWED');
    expect((await recording('DELETE', id, s.client.token)).statusCode).toBe(403);
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const res = await recording(method, id, b.specialist.token);
      expect(res.statusCode, `${method} ${res.body}`).toBe(404);
      expect(res.json().error.code).toBe('SCHEDULING.APPOINTMENT_NOT_FOUND');
    }
    expect((await recording('POST', '0190a5e4-1d2c-7b3a-8f00-00000000zzzz', s.specialist.token)).statusCode).toBe(400);
  });
});
