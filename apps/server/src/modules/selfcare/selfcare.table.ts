import { date, index, integer, pgSchema, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { cases } from '../cases/cases.table';
import { orgs, users } from '../identity/identity.table';

export const selfcare = pgSchema('selfcare');

/**
 * A person's own mood log: client-owned data, keyed by its owner and encrypted with their own key.
 * A specialist sees it only through an active data-sharing consent naming them (ARCHITECTURE §4).
 */
export const moodEntries = selfcare.table(
  'mood_entries',
  {
    id: uuid('id').primaryKey(),
    ownerUserId: uuid('owner_user_id')
      .notNull()
      .references(() => users.id),
    score: integer('score').notNull(),
    noteCiphertext: bytea('note_ciphertext'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('mood_entries_owner_idx').on(t.ownerUserId, t.at)],
);

/**
 * Homework: a task a specialist gives a client from a session (a selfcare task). The title and the
 * instructions are clinical text, encrypted with the org's key; the client reads and ticks it off.
 */
export const homework = selfcare.table(
  'homework',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The session it was given in; no foreign key, appointments are erased on their own. */
    appointmentId: uuid('appointment_id'),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    assignedBy: uuid('assigned_by').notNull(),
    titleCiphertext: bytea('title_ciphertext').notNull(),
    instructionsCiphertext: bytea('instructions_ciphertext'),
    dueDate: date('due_date'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('homework_client_idx').on(t.clientUserId, t.createdAt), index('homework_appointment_idx').on(t.appointmentId)],
);
