import type { FormField, NoteSection } from '@tend/contracts';
import { date, index, inet, integer, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea } from '../../platform/db/columns';
import { cases } from '../cases/cases.table';
import { orgs, users } from '../identity/identity.table';

export const clinical = pgSchema('clinical');

/** Note templates an org defined; SOAP, DAP, BIRP and GIRP ship in code (contracts). */
export const noteTemplates = clinical.table('note_templates', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  nameEn: text('name_en').notNull(),
  nameUk: text('name_uk').notNull(),
  sections: jsonb('sections').$type<NoteSection[]>().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const NOTE_STATUSES = ['draft', 'signed', 'pending_cosign', 'cosigned'] as const;

/** Progress notes. The content (a JSON object of section → text) is encrypted with the org key. */
export const notes = clinical.table(
  'notes',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    /** A built-in key (soap, dap, birp, girp) or an org template id. */
    templateId: text('template_id').notNull(),
    templateName: text('template_name').notNull(),
    /** The template's sections when the note was started, so later template edits never change it. */
    sections: jsonb('sections').$type<NoteSection[]>().notNull(),
    status: text('status', { enum: NOTE_STATUSES }).notNull().default('draft'),
    contentCiphertext: bytea('content_ciphertext').notNull(),
    sessionDate: date('session_date'),
    /** The session (appointment) the note documents, when it was started from that session's after page. No foreign key: appointments and notes are erased on their own schedules. */
    appointmentId: uuid('appointment_id'),
    version: integer('version').notNull().default(0),
    contentHash: text('content_hash'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signedBy: uuid('signed_by'),
    cosignedAt: timestamp('cosigned_at', { withTimezone: true }),
    cosignedBy: uuid('cosigned_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('notes_case_idx').on(t.caseId, t.createdAt), uniqueIndex('notes_appointment_uq').on(t.appointmentId)],
);

/** Every signed state of a note: the first signature and each amendment, with its reason. Append-only. */
export const noteVersions = clinical.table(
  'note_versions',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    noteId: uuid('note_id')
      .notNull()
      .references(() => notes.id),
    version: integer('version').notNull(),
    kind: text('kind', { enum: ['signed', 'amendment'] }).notNull(),
    contentCiphertext: bytea('content_ciphertext').notNull(),
    contentHash: text('content_hash').notNull(),
    reasonCiphertext: bytea('reason_ciphertext'),
    byUserId: uuid('by_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('note_versions_uq').on(t.noteId, t.version)],
);

/**
 * HIPAA psychotherapy notes (45 CFR 164.501): kept apart from the record, readable only by their
 * author, encrypted with the author's own data key, never exported.
 */
export const psychotherapyNotes = clinical.table(
  'psychotherapy_notes',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    textCiphertext: bytea('text_ciphertext').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('psychotherapy_notes_author_idx').on(t.authorUserId, t.caseId)],
);

/** Every saved version of a case's treatment plan (problems → goals → objectives → interventions). Append-only. */
export const treatmentPlans = clinical.table(
  'treatment_plans',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    version: integer('version').notNull(),
    contentCiphertext: bytea('content_ciphertext').notNull(),
    reviewDate: date('review_date'),
    byUserId: uuid('by_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('treatment_plans_version_uq').on(t.caseId, t.version)],
);

/** Progress recorded against a goal or objective of the plan. Append-only. */
export const planProgress = clinical.table(
  'plan_progress',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    goalId: text('goal_id').notNull(),
    objectiveId: text('objective_id'),
    progress: integer('progress').notNull(),
    noteCiphertext: bytea('note_ciphertext'),
    byUserId: uuid('by_user_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('plan_progress_case_idx').on(t.caseId, t.at)],
);

/** Intake and other forms an org builds. Field labels are the org's own words, not PHI. */
export const forms = clinical.table('forms', {
  id: uuid('id').primaryKey(),
  orgId: uuid('org_id')
    .notNull()
    .references(() => orgs.id),
  title: text('title').notNull(),
  description: text('description'),
  fields: jsonb('fields').$type<FormField[]>().notNull(),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  archivedAt: timestamp('archived_at', { withTimezone: true }),
});

export const FORM_ASSIGNMENT_STATUSES = ['sent', 'in_progress', 'submitted', 'cancelled'] as const;

/** A form sent to a client on a case: a copy of its fields, their answers (encrypted) and the e-signature. */
export const formAssignments = clinical.table(
  'form_assignments',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    formId: uuid('form_id')
      .notNull()
      .references(() => forms.id),
    clientUserId: uuid('client_user_id')
      .notNull()
      .references(() => users.id),
    title: text('title').notNull(),
    description: text('description'),
    fields: jsonb('fields').$type<FormField[]>().notNull(),
    status: text('status', { enum: FORM_ASSIGNMENT_STATUSES }).notNull().default('sent'),
    answersCiphertext: bytea('answers_ciphertext'),
    sentBy: uuid('sent_by').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    signerNameCiphertext: bytea('signer_name_ciphertext'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    signerIp: inet('signer_ip'),
    /** SHA-256 over exactly what was signed: the fields shown, the answers, the typed name and the time. */
    signedHash: text('signed_hash'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('form_assignments_case_idx').on(t.caseId, t.sentAt), index('form_assignments_client_idx').on(t.clientUserId, t.status)],
);
