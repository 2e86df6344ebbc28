import { z } from 'zod';
import { crisisResources } from './crisis/crisis-api';

/** Files a message may carry (each uploaded first through the conversation's attachments route). */
export const MAX_ATTACHMENTS = 5;

export const attachmentDto = z.object({ id: z.uuid(), filename: z.string(), size: z.number().int(), mime_type: z.string() });
export type Attachment = z.infer<typeof attachmentDto>;

export const chatMessage = z.object({
  id: z.uuid(),
  conversation_id: z.uuid(),
  sender: z.object({ id: z.uuid(), name: z.string() }),
  body: z.string(),
  attachments: z.array(attachmentDto),
  created_at: z.iso.datetime(),
});
export type ChatMessage = z.infer<typeof chatMessage>;
/** A sent message, with the support the client is shown when it read as risk (never a block). */
export const sentMessage = chatMessage.extend({ support: crisisResources.nullable() });

export const conversationKind = z.enum(['case', 'direct', 'program']);
export type ConversationKind = z.infer<typeof conversationKind>;

const person = z.object({ id: z.uuid(), name: z.string() });
const people = z
  .array(z.uuid())
  .min(1, 'Add at least one person')
  .max(50, 'A program chat has at most 50 people')
  .refine((ids) => new Set(ids).size === ids.length, 'Each person once');

export const startConversationBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('direct'), with_user_id: z.uuid() }).strict(),
  z.object({ kind: z.literal('program'), title: z.string().trim().min(1, 'Give the program chat a title').max(120), participant_ids: people }).strict(),
]);
export type StartConversation = z.input<typeof startConversationBody>;
export const conversationStarted = z.object({ id: z.uuid(), kind: conversationKind, created: z.boolean() });
export const caseConversation = z.object({ id: z.uuid(), case_id: z.uuid() });

/** A row of my conversation list: the others in it, what I have not read yet, and when it last moved. */
export const conversationSummary = z.object({
  id: z.uuid(),
  kind: conversationKind,
  case_id: z.uuid().nullable(),
  title: z.string().nullable(),
  participants: z.array(person),
  unread: z.number().int(),
  last_read_at: z.iso.datetime().nullable(),
  last_message_at: z.iso.datetime().nullable(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const participant = person.extend({ last_read_at: z.iso.datetime().nullable() });
export type Participant = z.infer<typeof participant>;
export const conversation = z.object({
  id: z.uuid(),
  kind: conversationKind,
  case_id: z.uuid().nullable(),
  title: z.string().nullable(),
  /** Whoever started it: in a program chat, the one who adds and removes people. */
  created_by: z.uuid(),
  participants: z.array(participant),
});
export type Conversation = z.infer<typeof conversation>;

export const addPeopleBody = z.object({ user_ids: people }).strict();
export const peopleAdded = z.object({ added: z.array(z.uuid()) });
export const personParams = z.object({ id: z.uuid(), userId: z.uuid() });
export const personRemoved = z.object({ removed: z.uuid() });
/** Answer to leaving a program chat: the conversation left. */
export const conversationLeft = z.object({ left: z.uuid() });
export type ConversationLeft = z.infer<typeof conversationLeft>;

export const messagesQuery = z.object({
  before: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const sendMessageBody = z
  .object({
    body: z.string().trim().max(10_000, 'A message has at most 10,000 characters').default(''),
    attachment_ids: z
      .array(z.uuid())
      .max(MAX_ATTACHMENTS, `A message carries at most ${MAX_ATTACHMENTS} files`)
      .refine((ids) => new Set(ids).size === ids.length, 'Each file once')
      .default([]),
  })
  .strict()
  .refine((m) => m.body.length > 0 || m.attachment_ids.length > 0, { message: 'Write a message', path: ['body'] });

/** A week is the longest a practice may promise to take; an hour the shortest that makes sense for written therapy. */
const hours = z.number().int().min(1, 'At least 1 hour').max(168, 'At most 168 hours (a week)');
const DAY = 24 * 60 * 60 * 1000;

/** A thread of asynchronous therapy waiting for a reply, with when it is due. */
export const waitingThread = z.object({
  conversation_id: z.uuid(),
  case_id: z.uuid(),
  client: z.object({ id: z.uuid(), name: z.string() }),
  target_hours: z.number().int(),
  waiting_since: z.iso.datetime(),
  due_at: z.iso.datetime(),
  overdue: z.boolean(),
});
export type WaitingThread = z.infer<typeof waitingThread>;

export const responseTimesQuery = z
  .object({ from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
  .refine((q) => !q.from || !q.to || new Date(q.from) < new Date(q.to), { message: 'The period must end after it starts', path: ['to'] })
  .refine((q) => !q.from || !q.to || new Date(q.to).getTime() - new Date(q.from).getTime() <= 366 * DAY, {
    message: 'At most a year at a time',
    path: ['to'],
  });
export const responseFigures = z.object({
  threads: z.number().int(),
  answered: z.number().int(),
  median_first_response_seconds: z.number().nullable(),
  p90_first_response_seconds: z.number().nullable(),
  within_target_share: z.number().min(0).max(1).nullable(),
});
export type ResponseFigures = z.infer<typeof responseFigures>;
export const responseTimes = z.object({
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  target_hours: z.number().int(),
  overall: responseFigures,
  specialists: z.array(responseFigures.extend({ specialist: z.object({ id: z.uuid(), name: z.string() }) })),
});
export type ResponseTimes = z.infer<typeof responseTimes>;

export const responseTarget = z.object({ target_hours: z.number().int() });
export const responseTargetBody = z.object({ target_hours: hours }).strict();

/** A case's written-therapy settings: marked messaging-only, its own reply target (null: the practice's). */
export const caseResponseTarget = z.object({
  case_id: z.uuid(),
  messaging_only: z.boolean(),
  target_hours: z.number().int().nullable(),
  org_target_hours: z.number().int(),
  effective_target_hours: z.number().int(),
  booked_messaging_sessions: z.boolean(),
});
export type CaseResponseTarget = z.infer<typeof caseResponseTarget>;
export const caseResponseTargetBody = z.object({ messaging_only: z.boolean(), target_hours: hours.nullable() }).strict();
export const caseResponseTargetSaved = caseResponseTarget.omit({ org_target_hours: true, booked_messaging_sessions: true });
