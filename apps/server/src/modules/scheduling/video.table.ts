import { RECORDING_STATUSES, RECORDING_STOP_REASONS } from '@tend/contracts';
import { sql } from 'drizzle-orm';
import { check, index, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { orgs, users } from '../identity/identity.table';
import { appointments, scheduling } from './scheduling.table';

export const SESSION_VIDEO_EVENT_KINDS = [
  'room_started',
  'room_finished',
  'participant_joined',
  'participant_left',
  'egress_started',
  'egress_updated',
  'egress_ended',
] as const;
const listed = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** What the video provider reported about a session (verified webhooks), once per delivery id. */
export const sessionVideoEvents = scheduling.table(
  'session_video_events',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    /** The provider's delivery id: a retried webhook is recorded once. */
    providerEventId: text('provider_event_id').notNull(),
    kind: text('kind', { enum: SESSION_VIDEO_EVENT_KINDS }).notNull(),
    /** For participant events: the session's client or specialist; null for an identity that is neither. */
    participantUserId: uuid('participant_user_id').references(() => users.id),
    recordingId: text('recording_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('session_video_events_delivery_uq').on(t.orgId, t.providerEventId),
    index('session_video_events_appointment_idx').on(t.appointmentId, t.occurredAt),
    check('session_video_events_kind_ck', sql`${t.kind} in (${listed(SESSION_VIDEO_EVENT_KINDS)})`),
  ],
);

/**
 * A session recording (LiveKit egress). Started only with every participant's consent; at most one
 * running per session. `starting` is written before the provider is asked, so a revocation that lands
 * while the request is in flight still finds it.
 */
export const sessionRecordings = scheduling.table(
  'session_recordings',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    appointmentId: uuid('appointment_id')
      .notNull()
      .references(() => appointments.id),
    /** The provider's egress id; null until the provider answered. */
    providerRecordingId: text('provider_recording_id'),
    status: text('status', { enum: RECORDING_STATUSES }).notNull().default('starting'),
    startedBy: uuid('started_by')
      .notNull()
      .references(() => users.id),
    /** Where the provider writes the file (its own storage: a bucket key or a path on the egress server). */
    location: text('location'),
    stopReason: text('stop_reason', { enum: RECORDING_STOP_REASONS }),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    stoppedAt: timestamp('stopped_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('session_recordings_provider_uq').on(t.providerRecordingId),
    // One running recording per session, by construction.
    uniqueIndex('session_recordings_running_uq')
      .on(t.appointmentId)
      .where(sql`${t.status} in ('starting', 'active')`),
    check('session_recordings_status_ck', sql`${t.status} in (${listed(RECORDING_STATUSES)})`),
    check('session_recordings_reason_ck', sql`${t.stopReason} is null or ${t.stopReason} in (${listed(RECORDING_STOP_REASONS)})`),
  ],
);
