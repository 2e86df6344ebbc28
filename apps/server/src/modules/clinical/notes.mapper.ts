import crypto from 'node:crypto';
import type { NoteContent, NoteDto, NoteTemplate } from '@tend/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import type { NoteRow, NoteTemplateRow, NoteVersionRow } from './notes.repository';

export const noteAad = (noteId: string) => `note:${noteId}:content`;
export const versionAad = (noteId: string, version: number, field: 'content' | 'reason') => `note:${noteId}:v${version}:${field}`;
export const psychotherapyAad = (id: string) => `psychotherapy_note:${id}:text`;

/** JSON with sorted keys, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** What a signature seals: this note, this version, exactly this content, by this person at this time. */
export function contentHash(input: { noteId: string; version: number; content: NoteContent; signerId: string; at: Date }): string {
  const payload = canonical({ note_id: input.noteId, version: input.version, content: input.content, signer: input.signerId, at: input.at.toISOString() });
  return crypto.createHash('sha256').update(payload).digest('hex');
}

export function toTemplate(row: NoteTemplateRow): NoteTemplate {
  return { id: row.id, name_en: row.nameEn, name_uk: row.nameUk, builtin: false, sections: row.sections };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function toNote(tx: Tx, fieldCrypto: FieldCrypto, row: NoteRow, names: Map<string, string>, versions?: NoteVersionRow[]): Promise<NoteDto> {
  const content = JSON.parse((await fieldCrypto.open(tx, row.contentCiphertext, noteAad(row.id))) ?? '{}') as NoteContent;
  return {
    id: row.id,
    case_id: row.caseId,
    template: { id: row.templateId, name: row.templateName },
    sections: row.sections,
    status: row.status,
    content,
    session_date: row.sessionDate,
    author: { id: row.authorUserId, name: names.get(row.authorUserId) ?? '' },
    version: row.version,
    signed_at: iso(row.signedAt),
    signed_by: row.signedBy,
    content_hash: row.contentHash,
    cosigned_at: iso(row.cosignedAt),
    cosigned_by: row.cosignedBy,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(versions
      ? {
          versions: await Promise.all(
            versions.map(async (v) => ({
              version: v.version,
              kind: v.kind,
              content: JSON.parse((await fieldCrypto.open(tx, v.contentCiphertext, versionAad(row.id, v.version, 'content'))) ?? '{}') as NoteContent,
              content_hash: v.contentHash,
              reason: v.reasonCiphertext ? await fieldCrypto.open(tx, v.reasonCiphertext, versionAad(row.id, v.version, 'reason')) : null,
              by: { id: v.byUserId, name: names.get(v.byUserId) ?? '' },
              at: v.at.toISOString(),
            })),
          ),
        }
      : {}),
  };
}
