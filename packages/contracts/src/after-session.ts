import { z } from 'zod';
import { noteTemplate } from './notes';

/** A task a specialist gives a client from a session; the client ticks it off. */
export const homeworkDto = z.object({
  id: z.uuid(),
  case_id: z.uuid(),
  session_id: z.uuid().nullable(),
  title: z.string(),
  instructions: z.string().nullable(),
  due_date: z.iso.date().nullable(),
  done_at: z.iso.datetime().nullable(),
  assigned_by: z.object({ id: z.uuid(), name: z.string() }),
  created_at: z.iso.datetime(),
});
export type HomeworkDto = z.infer<typeof homeworkDto>;

export const assignHomeworkBody = z
  .object({
    title: z.string().trim().min(1, 'Give the task a title').max(200),
    instructions: z.string().trim().max(4000).optional(),
    due_date: z.iso.date().optional(),
  })
  .strict();

export const homeworkDoneBody = z.object({ done: z.boolean().default(true) }).strict();

/**
 * Tend's own short feedback after a session (ADR 0019): not a validated instrument, no clinical score.
 * `helpful` and `heard` are 0–10; the comment is optional.
 */
export const FEEDBACK_QUESTIONS = ['helpful', 'heard', 'comment'] as const;
export const feedbackBody = z
  .object({
    helpful: z.number().int().min(0).max(10),
    heard: z.number().int().min(0).max(10),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict();
export const sessionFeedbackDto = z.object({
  session_id: z.uuid(),
  helpful: z.number().int(),
  heard: z.number().int(),
  comment: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type SessionFeedbackDto = z.infer<typeof sessionFeedbackDto>;

/** Same weekday and local time one week on, in the specialist's zone, and whether it is still free. */
export const nextSlotDto = z.object({
  starts_at: z.iso.datetime(),
  local_start: z.string(),
  timezone: z.string(),
  session_type_id: z.uuid(),
  free: z.boolean(),
});

/** What the specialist's after-session page shows. */
export const sessionAfterDto = z.object({
  session_id: z.uuid(),
  status: z.string(),
  starts_at: z.iso.datetime(),
  ends_at: z.iso.datetime(),
  client: z.object({ id: z.uuid(), name: z.string() }),
  case: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  template: noteTemplate.nullable(),
  note_id: z.uuid().nullable(),
  next_slot: nextSlotDto,
  homework: z.array(homeworkDto),
  feedback: sessionFeedbackDto.nullable(),
});
export type SessionAfterDto = z.infer<typeof sessionAfterDto>;
