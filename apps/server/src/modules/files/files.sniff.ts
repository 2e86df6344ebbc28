import type { AllowedFileType } from '@tend/contracts';
import { TextDecoder } from 'node:util';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../platform/http/app-error';

/** How much of the start of a file the sniffer reads; zip-based formats name their parts early. */
export const SNIFF_BYTES = 256 * 1024;

/** file-type's extension → the type we store. Anything it recognises that is not here is refused. */
const SNIFFED: Record<string, AllowedFileType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
};

/** What a filename's extension claims. */
const BY_EXTENSION: Record<string, AllowedFileType> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  text: 'text/plain',
  md: 'text/plain',
  csv: 'text/plain',
  log: 'text/plain',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
};

/** Other names browsers and tools send for the same types. */
const ALIASES: Record<string, AllowedFileType> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'image/heif': 'image/heic',
  'audio/mp3': 'audio/mpeg',
  'audio/x-m4a': 'audio/mp4',
  'audio/m4a': 'audio/mp4',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'text/markdown': 'text/plain',
  'text/csv': 'text/plain',
};

/** Content types that claim nothing in particular. */
const UNSPECIFIC = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-unknown']);

export type Claim = { filename: string; contentType: string | undefined };

const notAllowed = (what: string) =>
  new AppError(
    'FILE.TYPE_NOT_ALLOWED',
    `${what} cannot be attached to a case; upload a PDF, an image (PNG, JPEG, WebP, HEIC), a Word or Excel document, plain text or audio (MP3, M4A, WAV)`,
  );

/** The claimed types of an upload: from the part's Content-Type and from the filename's extension. */
export function claimedTypes(claim: Claim): { header: string | null; extension: AllowedFileType | null | 'unknown' } {
  const raw = (claim.contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const header = UNSPECIFIC.has(raw) ? null : (ALIASES[raw] ?? raw);
  const dot = claim.filename.lastIndexOf('.');
  const ext = dot > 0 ? claim.filename.slice(dot + 1).toLowerCase() : '';
  return { header, extension: ext ? (BY_EXTENSION[ext] ?? 'unknown') : null };
}

/** Whether `head` starts like text: no NUL bytes and valid UTF-8 (a character cut at the end is fine). */
export function looksLikeText(head: Buffer): boolean {
  if (head.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Decides the type of an upload from the first bytes of its content and checks it against what the
 * upload claims. A disallowed type → FILE.TYPE_NOT_ALLOWED; a claim that disagrees → FILE.TYPE_MISMATCH.
 * For text, only the head is checked here; the caller checks the rest as it streams.
 */
export async function sniff(head: Buffer, claim: Claim): Promise<AllowedFileType> {
  const detected = await fileTypeFromBuffer(head).catch(() => undefined);
  let type: AllowedFileType;
  if (detected) {
    const known = SNIFFED[detected.ext];
    if (!known) throw notAllowed(`A .${detected.ext} file (${detected.mime})`);
    type = known;
  } else if (looksLikeText(head)) {
    type = 'text/plain';
  } else {
    throw notAllowed('A file of an unrecognised type');
  }
  const { header, extension } = claimedTypes(claim);
  const mismatch = (extension !== null && extension !== type) || (header !== null && header !== type && !(type === 'text/plain' && header.startsWith('text/')));
  if (mismatch) {
    throw new AppError(
      'FILE.TYPE_MISMATCH',
      `The file's content is ${type}, which does not match its name or declared type; rename it or upload the right file`,
      {
        detected: type,
        claimed: header ?? claim.filename,
      },
    );
  }
  return type;
}
