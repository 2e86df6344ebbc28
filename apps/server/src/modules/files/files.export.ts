import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import { userNames } from '../orgs';
import { filenameAad } from './files.mapper';
import { filesRepository } from './files.repository';

export type ExportedDocument = {
  id: string;
  case_id: string;
  file_name: string;
  /** Sniffed from the file's content when it was uploaded, not what the uploader's device claimed. */
  content_type: string;
  size_bytes: number;
  uploaded_at: string;
  /** The client's own upload, or the care team's shared with them; the uploader's name where the client may read it. */
  uploaded_by: { role: 'client' | 'care_team'; id: string; name: string | null };
};

/**
 * The documents on a client's cases that their portal shows them, for their data export (client context):
 * their own uploads and the files their care team shared with them, deleted ones left out. Descriptions only;
 * no file is opened, so the export's own audit entry accounts for this read.
 */
export async function documentsForExport(tx: Tx, crypto: FieldCrypto, clientUserId: string, caseIds: string[]): Promise<ExportedDocument[]> {
  const rows = await filesRepository.visibleToClient(tx, clientUserId, caseIds);
  const names = await userNames(
    tx,
    crypto,
    rows.map((r) => r.uploadedBy),
  );
  return Promise.all(
    rows.map(async (r): Promise<ExportedDocument> => ({
      id: r.id,
      case_id: r.caseId,
      file_name: (await crypto.open(tx, r.filenameCiphertext, filenameAad(r.id))) ?? '[erased]',
      content_type: r.mimeType,
      size_bytes: r.size,
      uploaded_at: r.createdAt.toISOString(),
      uploaded_by: { role: r.uploadedBy === clientUserId ? 'client' : 'care_team', id: r.uploadedBy, name: names.get(r.uploadedBy) ?? null },
    })),
  );
}
