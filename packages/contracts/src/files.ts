import { z } from 'zod';

/** The largest file a case takes: 100 MB. */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** What a case file may be, decided from its content, never from its name alone. */
export const ALLOWED_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
  'audio/mpeg',
  'audio/mp4',
  'audio/wav',
] as const;
export type AllowedFileType = (typeof ALLOWED_FILE_TYPES)[number];

export const caseFileDto = z.object({
  id: z.uuid(),
  case_id: z.uuid(),
  filename: z.string(),
  size: z.number().int(),
  mime_type: z.enum(ALLOWED_FILE_TYPES),
  sha256: z.string(),
  shared_with_client: z.boolean(),
  uploaded_by: z.object({ id: z.uuid(), name: z.string() }),
  created_at: z.string(),
  /** Whether the caller may delete it: its uploader or the case's lead specialist. */
  can_delete: z.boolean(),
});
export type CaseFileDto = z.infer<typeof caseFileDto>;

export const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const updateFileBody = z.object({ shared_with_client: z.boolean() }).strict();

export const fileLinkDto = z.object({
  /** Relative to the API origin; the token in it is the credential, valid until `expires_at`. */
  url: z.string(),
  expires_at: z.string(),
});
export type FileLinkDto = z.infer<typeof fileLinkDto>;

/** A case file deleted (by its uploader or the lead specialist). */
export const fileDeleted = z.object({ deleted: z.literal(true) });
export type FileDeleted = z.infer<typeof fileDeleted>;

export const fileDownloadQuery = z.object({ token: z.string().min(10).max(2000) });
