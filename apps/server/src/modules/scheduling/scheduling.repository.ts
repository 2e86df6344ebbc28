import { and, asc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db/database';
import { insertReturning, pickRow, qualifiedName, selectList } from '../../platform/db/table-sql';
import {
  appointments,
  availabilityOverrides,
  availabilityRules,
  licences,
  remindersSent,
  series,
  sessionFeedback,
  sessionPresence,
  sessionTypes,
  specialistSettings,
} from './scheduling.table';
import { eraseVideoOf } from './video.repository';
import { eraseWaitlistOf } from './waitlist.repository';

export type SettingsRow = typeof specialistSettings.$inferSelect;
export type AppointmentRow = typeof appointments.$inferSelect;
export type SessionTypeRow = typeof sessionTypes.$inferSelect;
export type OpeningRule = Pick<typeof availabilityRules.$inferSelect, 'weekday' | 'startMinute' | 'endMinute'>;
export type OpeningOverride = Pick<typeof availabilityOverrides.$inferSelect, 'date' | 'startMinute' | 'endMinute'>;

// A booking's statements, written once (platform/db/table-sql): drizzle built them anew on every booking.
const OPENING_HOURS = `
  select weekday, null::text as date, start_minute, end_minute from ${qualifiedName(availabilityRules)} where specialist_user_id = $1
  union all
  select null, date::text, start_minute, end_minute from ${qualifiedName(availabilityOverrides)} where specialist_user_id = $1
  order by date nulls first, weekday, start_minute`;
/** A specialist's settings with one of their session types (null when it is not theirs). */
const SETTINGS_WITH_TYPE = `select ${selectList(specialistSettings, 's', 's.')}, ${selectList(sessionTypes, 't', 't.')}
  from ${qualifiedName(specialistSettings)} s
  left join ${qualifiedName(sessionTypes)} t on t.id = $2 and t.specialist_user_id = s.user_id
  where s.user_id = $1`;
const BOOKED = [
  'id',
  'orgId',
  'specialistUserId',
  'clientUserId',
  'caseId',
  'sessionTypeId',
  'startsAt',
  'endsAt',
  'blockedFrom',
  'blockedUntil',
  'bookedBy',
] as const satisfies readonly (keyof typeof appointments.$inferInsert)[];
/** What a booking states; the rest of the appointment takes its defaults. */
export type BookedAppointment = Pick<typeof appointments.$inferInsert, (typeof BOOKED)[number]>;
const INSERT_APPOINTMENT = insertReturning(appointments, BOOKED);

export const schedulingRepository = {
  async settings(tx: Tx, userId: string): Promise<SettingsRow | undefined> {
    const [row] = await tx.select().from(specialistSettings).where(eq(specialistSettings.userId, userId));
    return row;
  },
  upsertSettings: (tx: Tx, row: typeof specialistSettings.$inferInsert) =>
    tx
      .insert(specialistSettings)
      .values(row)
      .onConflictDoUpdate({ target: specialistSettings.userId, set: { ...row, updatedAt: new Date() } }),
  rules: (tx: Tx, userId: string) =>
    tx.select().from(availabilityRules).where(eq(availabilityRules.specialistUserId, userId)).orderBy(availabilityRules.weekday, availabilityRules.startMinute),
  overrides: (tx: Tx, userId: string) =>
    tx.select().from(availabilityOverrides).where(eq(availabilityOverrides.specialistUserId, userId)).orderBy(availabilityOverrides.date),
  /** Weekly rules and date overrides in one round trip, for the slot check of a booking or a move. */
  async openingHours(tx: Tx, userId: string): Promise<{ rules: OpeningRule[]; overrides: OpeningOverride[] }> {
    const result = await tx.$client.query<{ weekday: number | null; date: string | null; start_minute: number | null; end_minute: number | null }>({
      text: OPENING_HOURS,
      values: [userId],
    });
    const rules: OpeningRule[] = [];
    const overrides: OpeningOverride[] = [];
    for (const r of result.rows) {
      if (r.date === null) rules.push({ weekday: r.weekday as number, startMinute: r.start_minute as number, endMinute: r.end_minute as number });
      else overrides.push({ date: r.date, startMinute: r.start_minute, endMinute: r.end_minute });
    }
    return { rules, overrides };
  },
  async replaceAvailability(
    tx: Tx,
    userId: string,
    rules: (typeof availabilityRules.$inferInsert)[],
    overrides: (typeof availabilityOverrides.$inferInsert)[],
  ) {
    await tx.delete(availabilityRules).where(eq(availabilityRules.specialistUserId, userId));
    await tx.delete(availabilityOverrides).where(eq(availabilityOverrides.specialistUserId, userId));
    if (rules.length) await tx.insert(availabilityRules).values(rules);
    if (overrides.length) await tx.insert(availabilityOverrides).values(overrides);
  },
  insertSessionType: (tx: Tx, row: typeof sessionTypes.$inferInsert) => tx.insert(sessionTypes).values(row),
  sessionTypes: (tx: Tx, userId: string) =>
    tx
      .select()
      .from(sessionTypes)
      .where(and(eq(sessionTypes.specialistUserId, userId), eq(sessionTypes.active, true)))
      .orderBy(sessionTypes.createdAt),
  /** One round trip for both: a booking's first read. `type` is null when it is not this specialist's. */
  async settingsWithType(tx: Tx, specialistId: string, sessionTypeId: string): Promise<{ settings: SettingsRow; type: SessionTypeRow | null } | undefined> {
    const result = await tx.$client.query<Record<string, unknown>>({ text: SETTINGS_WITH_TYPE, values: [specialistId, sessionTypeId] });
    const row = result.rows[0];
    const settings = row && pickRow(specialistSettings, row, 's.');
    return settings ? { settings, type: pickRow(sessionTypes, row, 't.') } : undefined;
  },
  async sessionType(tx: Tx, id: string): Promise<SessionTypeRow | undefined> {
    const [row] = await tx.select().from(sessionTypes).where(eq(sessionTypes.id, id));
    return row;
  },
  async busy(tx: Tx, specialistId: string, from: Date, to: Date): Promise<{ start: number; end: number }[]> {
    const result = await tx.execute<{ blocked_from: Date; blocked_until: Date }>(
      sql`select * from scheduling.busy_ranges(${specialistId}, ${from.toISOString()}, ${to.toISOString()})`,
    );
    return result.rows.map((r) => ({ start: new Date(r.blocked_from).getTime(), end: new Date(r.blocked_until).getTime() }));
  },
  async insertAppointment(tx: Tx, row: BookedAppointment): Promise<AppointmentRow> {
    const result = await tx.$client.query<AppointmentRow>({ text: INSERT_APPOINTMENT.text, values: INSERT_APPOINTMENT.values(row) });
    return result.rows[0] as AppointmentRow;
  },
  async appointment(tx: Tx, id: string, lock = false): Promise<AppointmentRow | undefined> {
    const query = tx.select().from(appointments).where(eq(appointments.id, id));
    const [row] = lock ? await query.for('update') : await query;
    return row;
  },
  mine: (tx: Tx, from: Date, to: Date) =>
    tx
      .select()
      .from(appointments)
      .where(and(gte(appointments.startsAt, from), lt(appointments.startsAt, to)))
      .orderBy(asc(appointments.startsAt))
      .limit(500),
  updateAppointment: (tx: Tx, id: string, patch: Partial<typeof appointments.$inferInsert>) =>
    tx.update(appointments).set(patch).where(eq(appointments.id, id)),
  insertSeries: (tx: Tx, row: typeof series.$inferInsert) => tx.insert(series).values(row),
  insertAppointments: (tx: Tx, rows: (typeof appointments.$inferInsert)[]) => tx.insert(appointments).values(rows),
  /** A series' occurrences from an instant on, locked for the change. */
  seriesFrom: (tx: Tx, seriesId: string, from: Date) =>
    tx
      .select()
      .from(appointments)
      .where(and(eq(appointments.seriesId, seriesId), gte(appointments.startsAt, from)))
      .orderBy(asc(appointments.startsAt))
      .for('update'),
};

/** Deletes a client's appointments in an org, with their session presence, video events and recordings, series and waitlist (erasure job only). */
export async function eraseAppointmentsOf(tx: Tx, orgId: string, clientUserId: string): Promise<number> {
  await eraseWaitlistOf(tx, orgId, clientUserId);
  const ids = (
    await tx
      .select({ id: appointments.id })
      .from(appointments)
      .where(and(eq(appointments.orgId, orgId), eq(appointments.clientUserId, clientUserId)))
  ).map((r) => r.id);
  if (!ids.length) return 0;
  await eraseVideoOf(tx, ids);
  await tx.delete(sessionPresence).where(inArray(sessionPresence.appointmentId, ids));
  await tx.delete(sessionFeedback).where(inArray(sessionFeedback.appointmentId, ids));
  await tx.delete(remindersSent).where(inArray(remindersSent.appointmentId, ids));
  await tx.delete(appointments).where(inArray(appointments.id, ids));
  await tx.delete(series).where(and(eq(series.orgId, orgId), eq(series.clientUserId, clientUserId)));
  return ids.length;
}

export type PresenceRow = typeof sessionPresence.$inferSelect;
export const sessionsRepository = {
  licencesOf: (tx: Tx, specialistId: string) => tx.select().from(licences).where(eq(licences.specialistUserId, specialistId)),
  async replaceLicences(tx: Tx, orgId: string, specialistId: string, rows: { jurisdiction: string; licenceNumber: string | null; id: string }[]) {
    await tx.delete(licences).where(eq(licences.specialistUserId, specialistId));
    if (rows.length) await tx.insert(licences).values(rows.map((r) => ({ ...r, orgId, specialistUserId: specialistId })));
  },
  async presence(tx: Tx, appointmentId: string): Promise<PresenceRow | undefined> {
    const [row] = await tx.select().from(sessionPresence).where(eq(sessionPresence.appointmentId, appointmentId));
    return row;
  },
  upsertPresence: (tx: Tx, row: typeof sessionPresence.$inferInsert) =>
    tx
      .insert(sessionPresence)
      .values(row)
      .onConflictDoUpdate({
        target: sessionPresence.appointmentId,
        set: { clientLocation: row.clientLocation, licenceWarning: row.licenceWarning, deviceCheck: row.deviceCheck ?? null, joinedAt: new Date() },
      }),
  updatePresence: (tx: Tx, appointmentId: string, patch: Partial<typeof sessionPresence.$inferInsert>) =>
    tx.update(sessionPresence).set(patch).where(eq(sessionPresence.appointmentId, appointmentId)),
};

export const remindersRepository = {
  /** True the first time only: the row is the proof this reminder went out. */
  async claim(tx: Tx, appointmentId: string, kind: string, orgId: string): Promise<boolean> {
    const rows = await tx.insert(remindersSent).values({ appointmentId, kind, orgId }).onConflictDoNothing().returning({ id: remindersSent.appointmentId });
    return rows.length === 1;
  },
  async settingsByCalendarToken(tx: Tx, token: string): Promise<SettingsRow | undefined> {
    const [row] = await tx.select().from(specialistSettings).where(eq(specialistSettings.calendarToken, token));
    return row;
  },
  setCalendarToken: (tx: Tx, userId: string, token: string) =>
    tx.update(specialistSettings).set({ calendarToken: token }).where(eq(specialistSettings.userId, userId)),
  upcomingOf: (tx: Tx, specialistId: string, from: Date, to: Date) =>
    tx
      .select()
      .from(appointments)
      .where(
        and(
          eq(appointments.specialistUserId, specialistId),
          gte(appointments.startsAt, from),
          lt(appointments.startsAt, to),
          inArray(appointments.status, ['scheduled', 'in_progress', 'cancelled']),
        ),
      )
      .orderBy(asc(appointments.startsAt)),
};

/**
 * Client–specialist pairs with a live booking of a messaging-modality session type: asynchronous
 * therapy. Row-level security limits it to the pairs the caller may see.
 */
export const messagingSessionPairs = (tx: Tx, orgId: string) =>
  tx
    .selectDistinct({ clientUserId: appointments.clientUserId, specialistUserId: appointments.specialistUserId })
    .from(appointments)
    .innerJoin(sessionTypes, eq(sessionTypes.id, appointments.sessionTypeId))
    .where(and(eq(appointments.orgId, orgId), eq(sessionTypes.modality, 'messaging'), ne(appointments.status, 'cancelled')));
