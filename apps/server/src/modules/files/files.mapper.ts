import type { AllowedFileType, CaseFileDto } from '@tend/contracts';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import type { CaseFileRow } from './files.repository';

export const filenameAad = (fileId: string) => `case_file:${fileId}:filename`;
export const fileKeyAad = (fileId: string) => `case_file:${fileId}:key`;
/** Bound into every sealed chunk, so a blob copied under another file's row does not open. */
export const blobAad = (orgId: string, fileId: string) => `case_file:${orgId}:${fileId}:content`;
export const storageKeyOf = (orgId: string, fileId: string) => `${orgId}/${fileId}`;

export async function toCaseFile(tx: Tx, crypto: FieldCrypto, row: CaseFileRow, names: Map<string, string>, canDelete: boolean): Promise<CaseFileDto> {
  return {
    id: row.id,
    case_id: row.caseId,
    filename: (await crypto.open(tx, row.filenameCiphertext, filenameAad(row.id))) ?? '[erased]',
    size: row.size,
    mime_type: row.mimeType as AllowedFileType,
    sha256: row.sha256,
    shared_with_client: row.sharedWithClient,
    uploaded_by: { id: row.uploadedBy, name: names.get(row.uploadedBy) ?? 'Care team' },
    created_at: row.createdAt.toISOString(),
    can_delete: canDelete,
  };
}

/** A filename for Content-Disposition: the original, and an ASCII fallback for old clients (RFC 6266, 8187). */
export function contentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%;]/g, '_').slice(0, 150) || 'file';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
