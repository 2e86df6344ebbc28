import type { AllowedFileType } from '@tend/contracts';

/** The kind of document in words a person recognises, as an i18n key under `files.type`. */
export const fileTypeKey: Record<AllowedFileType, 'pdf' | 'png' | 'jpeg' | 'webp' | 'heic' | 'word' | 'excel' | 'text' | 'mp3' | 'm4a' | 'wav'> = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/webp': 'webp',
  'image/heic': 'heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'text/plain': 'text',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/wav': 'wav',
};

/** What the file picker offers; the server still decides from the content. */
export const ACCEPTED_FILES = '.pdf,.png,.jpg,.jpeg,.webp,.heic,.heif,.docx,.xlsx,.txt,.md,.csv,.mp3,.m4a,.wav';
