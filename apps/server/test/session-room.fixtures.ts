import { expect } from 'vitest';
import { moveCase, openCase } from './cases.fixtures';
import { call, type TestApp } from './harness';
import { everyDay, freeStarts, openPractice } from './scheduling.fixtures';
import type { BuiltOrg } from './tenancy.fixtures';

/**
 * A fixed-offset zone where it is now around noon, so a 50-minute session starting within the next quarter
 * hour never runs past the local midnight that ends an all-day availability window.
 */
export function zoneAroundNoon(now = new Date()): string {
  const hours = 12 - now.getUTCHours();
  // POSIX-style names: Etc/GMT-3 is three hours ahead of UTC.
  return hours === 0 ? 'Etc/GMT' : `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
}

/** An active case and its session booked at the next free slot (within 15 minutes: its waiting room is open). */
export async function sessionStartingNow(t: TestApp, org: BuiltOrg): Promise<{ sessionId: string; caseId: string }> {
  const caseId = await openCase(t, org.specialist, org.client.userId);
  await moveCase(t, org.specialist, caseId, 'active');
  const practice = await openPractice(t, org, {
    timezone: zoneAroundNoon(),
    rules: everyDay('00:00', '24:00'),
    min_notice_minutes: 0,
    step_minutes: 15,
    buffer_after_minutes: 0,
  });
  const [first] = await freeStarts(t, practice, Date.now(), Date.now() + 2 * 3_600_000);
  const booked = await call(t.app, {
    method: 'POST',
    url: '/api/v1/scheduling/book',
    token: org.client.token,
    payload: { specialist_id: org.specialist.userId, session_type_id: practice.typeId, starts_at: first, case_id: caseId },
  });
  expect(booked.statusCode, booked.body).toBe(201);
  return { sessionId: booked.json().data.id, caseId };
}
