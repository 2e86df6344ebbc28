import { boolean, date, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { cases } from '../cases/cases.table';
import { orgs, users } from '../identity/identity.table';

export const scheduling = pgSchema('scheduling');

/** A specialist's booking settings; times are in their own IANA zone. */
export const specialistSettings = scheduling.table('specialist_settings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  timezone: text('timezone').notNull(),
  bufferBeforeMinutes: integer('buffer_before_minutes').notNull().default(0),
  bufferAfterMinutes: integer('buffer_after_minutes').notNull().default(10),
  minNoticeMinutes: integer('min_notice_minutes').notNull().default(720),
  horizonDays: integer('horizon_days').notNull().default(60),
  stepMinutes: integer('step_minutes').notNull().default(60),
  /** Secret of the specialist's iCalendar feed URL; rotating it revokes old links. */
  calendarToken: text('calendar_token'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const MODALITIES = ['video', 'audio', 'in_person', 'messaging'] as const;

export const sessionTypes = scheduling.table('session_types', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  specialistUserId: uuid('specialist_user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  durationMinutes: integer('duration_minutes').notNull(),
  priceMinor: integer('price_minor').notNull().default(0),
  currency: text('currency').notNull(),
  modality: text('modality', { enum: MODALITIES }).notNull(),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Weekly openings: ISO weekday, minutes after local midnight. */
export const availabilityRules = scheduling.table(
  'availability_rules',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    weekday: integer('weekday').notNull(),
    startMinute: integer('start_minute').notNull(),
    endMinute: integer('end_minute').notNull(),
  },
  (t) => [index('availability_rules_specialist_idx').on(t.specialistUserId)],
);

/** A date that replaces the weekly rules: a day off (no windows) or other hours. */
export const availabilityOverrides = scheduling.table(
  'availability_overrides',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    date: date('date').notNull(),
    startMinute: integer('start_minute'),
    endMinute: integer('end_minute'),
  },
  (t) => [index('availability_overrides_specialist_idx').on(t.specialistUserId, t.date)],
);

/**
 * A recurring series (RFC 5545 RRULE, FREQ=WEEKLY subset) in the specialist's zone: the wall-clock
 * time stays put across clock changes. Its occurrences are materialised as appointments (ADR 0013).
 */
export const series = scheduling.table(
  'series',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    sessionTypeId: uuid('session_type_id')
      .notNull()
      .references(() => sessionTypes.id),
    rrule: text('rrule').notNull(),
    timezone: text('timezone').notNull(),
    firstStartsAt: timestamp('first_starts_at', { withTimezone: true }).notNull(),
    bookedBy: uuid('booked_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('series_client_idx').on(t.clientUserId)],
);

export const APPOINTMENT_STATUSES = ['scheduled', 'in_progress', 'completed', 'cancelled', 'no_show'] as const;

/**
 * Booked sessions. `blocked` is the time the booking keeps the specialist busy (with buffers); an
 * exclusion constraint on it makes double booking impossible for live appointments.
 */
export const appointments = scheduling.table(
  'appointments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    caseId: uuid('case_id').references(() => cases.id),
    sessionTypeId: uuid('session_type_id')
      .notNull()
      .references(() => sessionTypes.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    blockedFrom: timestamp('blocked_from', { withTimezone: true }).notNull(),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('scheduled'),
    bookedBy: uuid('booked_by').notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by'),
    lateCancellation: boolean('late_cancellation').notNull().default(false),
    /** Moved inside the late-cancellation window: the same fee applies. */
    lateReschedule: boolean('late_reschedule').notNull().default(false),
    rescheduledAt: timestamp('rescheduled_at', { withTimezone: true }),
    seriesId: uuid('series_id').references(() => series.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointments_specialist_idx').on(t.specialistUserId, t.startsAt),
    index('appointments_client_idx').on(t.clientUserId, t.startsAt),
    index('appointments_series_idx').on(t.seriesId, t.startsAt),
  ],
);

/** Jurisdictions a specialist is licensed in: a country (UA) or a state or region (US-NY). */
export const licences = scheduling.table(
  'licences',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    jurisdiction: text('jurisdiction').notNull(),
    licenceNumber: text('licence_number'),
  },
  (t) => [index('licences_specialist_idx').on(t.specialistUserId)],
);

/** The live side of a session: the client's arrival in the waiting room, where they are, the device check, admission. */
export const sessionPresence = scheduling.table('session_presence', {
  appointmentId: uuid('appointment_id')
    .primaryKey()
    .references(() => appointments.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  clientLocation: text('client_location').notNull(),
  licenceWarning: boolean('licence_warning').notNull(),
  deviceCheck: text('device_check'),
  joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  admittedAt: timestamp('admitted_at', { withTimezone: true }),
  admittedBy: uuid('admitted_by'),
  startedAt: timestamp('started_at', { withTimezone: true }),
  endedAt: timestamp('ended_at', { withTimezone: true }),
});

/** Reminders already sent: the primary key makes each (appointment, kind) go out once, whatever retries. */
export const remindersSent = scheduling.table(
  'reminders_sent',
  {
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    kind: text('kind').notNull(),
    orgId: uuid('org_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.appointmentId, t.kind] })],
);

export const WAITLIST_STATUSES = ['waiting', 'booked', 'left'] as const;

/** A client waiting for a specialist's time to free up; preferred windows are in the specialist's zone. */
export const waitlistEntries = scheduling.table(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    /** Null: any of the specialist's session types. */
    sessionTypeId: uuid('session_type_id').references(() => sessionTypes.id),
    preferredWindows: jsonb('preferred_windows').$type<{ weekday: number; start: string; end: string }[]>().notNull().default([]),
    status: text('status', { enum: WAITLIST_STATUSES }).notNull().default('waiting'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('waitlist_entries_specialist_idx').on(t.specialistUserId, t.status, t.createdAt), index('waitlist_entries_client_idx').on(t.clientUserId)],
);

export const OFFER_STATUSES = ['open', 'accepted', 'declined', 'expired'] as const;

/** A freed start offered to one waiting client until it expires; each entry is offered a start once. */
export const waitlistOffers = scheduling.table(
  'waitlist_offers',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => waitlistEntries.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    specialistUserId: uuid('specialist_user_id')
      .notNull()
      .references(() => users.id),
    sessionTypeId: uuid('session_type_id')
      .notNull()
      .references(() => sessionTypes.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: OFFER_STATUSES }).notNull().default('open'),
    appointmentId: uuid('appointment_id').references(() => appointments.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('waitlist_offers_entry_start_idx').on(t.entryId, t.startsAt), index('waitlist_offers_client_idx').on(t.clientUserId)],
);

/**
 * The client's short feedback after a session (Tend's own three questions, ADR: not a validated
 * instrument): two 0–10 answers and an optional comment, encrypted with the org's key. Once per session.
 */
export const sessionFeedback = scheduling.table('session_feedback', {
  appointmentId: uuid('appointment_id')
    .primaryKey()
    .references(() => appointments.id),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  clientUserId: uuid('client_user_id')
    .notNull()
    .references(() => users.id),
  caseId: uuid('case_id').references(() => cases.id),
  helpful: integer('helpful').notNull(),
  heard: integer('heard').notNull(),
  commentCiphertext: bytea('comment_ciphertext'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
