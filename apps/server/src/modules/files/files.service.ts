import crypto from 'node:crypto';
import { Readable, type Transform } from 'node:stream';
import type { CaseFileDto, FileLinkDto } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal, TokenService } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { BinaryResponse } from '../../platform/http/route';
import type { BlobStore } from '../../platform/storage/blob-store';
import { openStream } from '../../platform/storage/sealed-stream';
import type { CaseAction, CaseRow, CasesService } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, inOrg, type OrgScope, userNames } from '../orgs';
import type { AttachmentsService } from './attachments.service';
import { receive } from './files.intake';
import { blobAad, contentDisposition, fileKeyAad, filenameAad, storageKeyOf, toCaseFile } from './files.mapper';
import { type CaseFileRow, filesRepository } from './files.repository';

export type FilesDeps = { db: Database; crypto: FieldCrypto; cases: CasesService; storage: BlobStore; tokens: TokenService; attachments: AttachmentsService };
type CaseScope = OrgScope & { caseRow: CaseRow };

/** An upload as the HTTP layer hands it over: the claimed name and type, and the byte stream. */
export type IncomingFile = { filename: string; contentType: string | undefined; stream: Readable; sharedWithClient: boolean };

/** Keeps the last path segment, drops control characters, caps the length; never empty. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (clean || 'file').slice(0, 255);
}

export function createFilesService(deps: FilesDeps) {
  const { crypto: fieldCrypto, storage } = deps;

  const inCase = <T>(p: Principal, caseId: string, action: CaseAction, meta: RequestMeta, work: (scope: CaseScope) => Promise<T>): Promise<T> =>
    inActiveOrg(deps, p, meta, null, async (scope) => {
      const { row } = await deps.cases.load(scope, caseId, action);
      return work({ ...scope, caseRow: row });
    });

  const audit = (scope: CaseScope, action: string, fileId: string | null, details?: Record<string, unknown>) =>
    recordAudit(scope.tx, scope.actor, {
      action,
      resourceType: 'case_file',
      resourceId: fileId,
      subjectUserId: scope.caseRow.clientUserId,
      purpose: 'treatment',
      details: { case_id: scope.caseRow.id, ...details },
    });

  const canDelete = (scope: CaseScope, row: CaseFileRow) => row.uploadedBy === scope.actor.userId || scope.caseRow.specialistUserId === scope.actor.userId;

  async function present(scope: CaseScope, rows: CaseFileRow[]): Promise<CaseFileDto[]> {
    const names = await userNames(
      scope.tx,
      fieldCrypto,
      rows.map((r) => r.uploadedBy),
    );
    return Promise.all(rows.map((r) => toCaseFile(scope.tx, fieldCrypto, r, names, canDelete(scope, r))));
  }

  async function loadFile(scope: CaseScope, fileId: string): Promise<CaseFileRow> {
    const row = await filesRepository.byId(scope.tx, fileId, scope.caseRow.id);
    if (!row) throw new AppError('FILE.NOT_FOUND', 'No such file on this case');
    return row;
  }

  return {
    /**
     * Streams an upload to the store, then records it. The access check runs before a byte is stored
     * and again when the row is written; no transaction is held open while the bytes arrive.
     */
    async upload(p: Principal, caseId: string, file: IncomingFile, meta: RequestMeta): Promise<CaseFileDto> {
      const id = uuidv7();
      const fileKey = crypto.randomBytes(32);
      const prepared = await inCase(p, caseId, 'write_files', meta, async ({ tx, caseRow }) => {
        if (caseRow.status === 'archived') throw new AppError('CASE.NOT_EDITABLE', 'An archived case takes no new files');
        return { orgId: caseRow.orgId, wrappedKey: await fieldCrypto.sealKeyForOrg(tx, caseRow.orgId, fileKey, fileKeyAad(id)) };
      });
      const storageKey = storageKeyOf(prepared.orgId, id);
      const filename = cleanFilename(file.filename);
      const received = await receive(
        storage,
        file.stream,
        { filename, contentType: file.contentType },
        { storageKey, fileKey, aad: blobAad(prepared.orgId, id) },
      );
      try {
        return await inCase(p, caseId, 'write_files', meta, async (scope) => {
          const shared = scope.role !== 'client' && file.sharedWithClient;
          await filesRepository.insert(scope.tx, {
            id,
            orgId: prepared.orgId,
            caseId: scope.caseRow.id,
            uploadedBy: p.userId,
            filenameCiphertext: await fieldCrypto.sealForOrg(scope.tx, prepared.orgId, filename, filenameAad(id)),
            size: received.size,
            mimeType: received.mimeType,
            sha256: received.sha256,
            storageKey,
            wrappedKey: prepared.wrappedKey,
            sharedWithClient: shared,
          });
          const [dto] = await present(scope, [(await filesRepository.byId(scope.tx, id)) as CaseFileRow]);
          await audit(scope, 'file.upload', id, { size: received.size, mime_type: received.mimeType, shared_with_client: shared });
          await deps.cases.event(scope.tx, scope.actor, scope.caseRow, 'file_added', { file_id: id, mime_type: received.mimeType });
          return dto as CaseFileDto;
        });
      } catch (error) {
        await storage.delete(storageKey).catch(() => undefined);
        throw error;
      }
    },

    list: (p: Principal, caseId: string, meta: RequestMeta): Promise<CaseFileDto[]> =>
      inCase(p, caseId, 'read_files', meta, async (scope) => {
        const items = await present(scope, await filesRepository.forCase(scope.tx, scope.caseRow.id));
        await audit(scope, 'file.list', null, { count: items.length });
        return items;
      }),

    /** A short-lived download URL for this caller and this file. */
    link: (p: Principal, caseId: string, fileId: string, meta: RequestMeta): Promise<FileLinkDto> =>
      inCase(p, caseId, 'read_files', meta, async (scope) => {
        const row = await loadFile(scope, fileId);
        const { token, expiresAt } = await deps.tokens.issueFileLink({ fileId: row.id, userId: p.userId, orgId: row.orgId });
        await audit(scope, 'file.link_create', row.id, { expires_at: expiresAt.toISOString() });
        return { url: `/api/v1/files/download?token=${encodeURIComponent(token)}`, expires_at: expiresAt.toISOString() };
      }),

    /**
     * What a download link points at, re-checked as its holder's current access (a link outlives
     * neither the membership nor the case access it was made under), audited, then decrypted as it streams.
     */
    async download(token: string, meta: RequestMeta): Promise<BinaryResponse> {
      const claims = await deps.tokens.verifyFileLink(token);
      const holder: Principal = {
        userId: claims.userId,
        orgId: claims.orgId,
        role: null,
        platformAdmin: false,
        sessionId: 'file-link',
        mfaEnrolmentRequired: false,
      };
      const found = await inOrg(deps, holder, claims.orgId, meta, null, async (orgScope) => {
        if (claims.kind === 'attachment') return deps.attachments.opened(orgScope, claims.fileId);
        const row = await filesRepository.byId(orgScope.tx, claims.fileId);
        if (!row) throw new AppError('FILE.NOT_FOUND', 'No such file');
        const { row: caseRow } = await deps.cases.load(orgScope, row.caseId, 'read_files');
        const scope = { ...orgScope, caseRow };
        const fileKey = await fieldCrypto.openKey(orgScope.tx, row.wrappedKey, fileKeyAad(row.id));
        if (!fileKey) throw new AppError('FILE.NOT_FOUND', 'This file was erased');
        const filename = (await fieldCrypto.open(orgScope.tx, row.filenameCiphertext, filenameAad(row.id))) ?? 'file';
        await audit(scope, 'file.download', row.id, { size: row.size });
        return { row, fileKey, filename, aad: blobAad(row.orgId, row.id) };
      });
      const body = await firstChunkChecked(await openBlob(storage, found.row.storageKey), openStream(found.fileKey, found.aad));
      return new BinaryResponse(body, {
        'content-type': found.row.mimeType === 'text/plain' ? 'text/plain; charset=utf-8' : found.row.mimeType,
        'content-length': found.row.size,
        'content-disposition': contentDisposition(found.filename),
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      });
    },

    share: (p: Principal, caseId: string, fileId: string, shared: boolean, meta: RequestMeta): Promise<CaseFileDto> =>
      inCase(p, caseId, 'write_files', meta, async (scope) => {
        if (scope.role === 'client') throw new AppError('AUTH.FORBIDDEN', 'Your care team decides which of their files you see');
        const row = await loadFile(scope, fileId);
        await filesRepository.setShared(scope.tx, row.id, shared);
        const [dto] = await present(scope, [{ ...row, sharedWithClient: shared }]);
        await audit(scope, 'file.share', row.id, { shared_with_client: shared });
        return dto as CaseFileDto;
      }),

    /** Soft delete by the uploader or the case's lead specialist; the sealed bytes stay for retention. */
    remove: (p: Principal, caseId: string, fileId: string, meta: RequestMeta): Promise<{ deleted: true }> =>
      inCase(p, caseId, 'read_files', meta, async (scope) => {
        const row = await loadFile(scope, fileId);
        if (!canDelete(scope, row)) throw new AppError('AUTH.FORBIDDEN', 'Only whoever uploaded a file or the lead specialist can delete it');
        await filesRepository.softDelete(scope.tx, row.id, p.userId);
        await audit(scope, 'file.delete', row.id);
        await deps.cases.event(scope.tx, scope.actor, scope.caseRow, 'file_removed', { file_id: row.id, mime_type: row.mimeType });
        return { deleted: true as const };
      }),
  };
}

async function openBlob(storage: BlobStore, key: string): Promise<Readable> {
  try {
    return await storage.get(key);
  } catch {
    throw new AppError('FILE.UNREADABLE', 'The stored file could not be read; ask your practice administrator to check the file store');
  }
}

/**
 * Pipes `sealed` through `opener` and waits for the first authenticated chunk before answering, so a
 * damaged or swapped file fails with an error response. Damage further in aborts the transfer midway
 * (the client sees fewer bytes than Content-Length), never a complete-looking corrupted download.
 */
async function firstChunkChecked(sealed: Readable, opener: Transform): Promise<Readable> {
  sealed.once('error', (error) => opener.destroy(error));
  const plain = sealed.pipe(opener);
  const chunks: AsyncIterator<Buffer> = plain[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer>;
  try {
    first = await chunks.next();
  } catch {
    sealed.destroy();
    throw new AppError('FILE.UNREADABLE', 'The stored file failed its integrity check; ask your practice administrator to restore it from a backup');
  }
  return Readable.from(
    (async function* () {
      if (!first.done) yield first.value;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        yield next.value;
      }
    })(),
  );
}

export type FilesService = ReturnType<typeof createFilesService>;
