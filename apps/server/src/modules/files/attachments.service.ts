import crypto from 'node:crypto';
import type { AllowedFileType, FileLinkDto } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal, TokenService } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { BlobStore } from '../../platform/storage/blob-store';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope } from '../orgs';
import { receive } from './files.intake';
import { storageKeyOf } from './files.mapper';
import { type AttachmentRow, attachmentsRepository } from './files.repository';
import { cleanFilename, type IncomingFile } from './files.service';

export type AttachmentsDeps = { db: Database; crypto: FieldCrypto; storage: BlobStore; tokens: TokenService };
/** What a chat message shows of a file: its name, size and type; the bytes come by a short-lived link. */
export type AttachmentDto = { id: string; filename: string; size: number; mime_type: AllowedFileType };

export const attachmentFilenameAad = (id: string) => `message_attachment:${id}:filename`;
export const attachmentKeyAad = (id: string) => `message_attachment:${id}:key`;
export const attachmentBlobAad = (orgId: string, id: string) => `message_attachment:${orgId}:${id}:content`;

/**
 * Files in chat, through the same intake as case files: streamed, sniffed, sealed with a per-file key,
 * downloaded by a signed link issued only to a participant of the conversation (the database's policies
 * decide who that is). An upload waits, visible to its uploader alone, until a message carries it.
 */
export function createAttachmentsService(deps: AttachmentsDeps) {
  const { crypto: fieldCrypto, storage } = deps;

  async function participant(scope: OrgScope, conversationId: string) {
    if (!(await attachmentsRepository.isParticipant(scope.tx, conversationId))) throw new AppError('MESSAGING.NOT_FOUND', 'No such conversation');
  }

  const audit = (scope: OrgScope, action: string, row: Pick<AttachmentRow, 'id' | 'conversationId'>, details?: Record<string, unknown>) =>
    recordAudit(scope.tx, scope.actor, {
      action,
      resourceType: 'message_attachment',
      resourceId: row.id,
      purpose: 'treatment',
      details: { conversation_id: row.conversationId, ...details },
    });

  async function present(tx: Tx, row: AttachmentRow): Promise<AttachmentDto> {
    return {
      id: row.id,
      filename: (await fieldCrypto.open(tx, row.filenameCiphertext, attachmentFilenameAad(row.id))) ?? '[erased]',
      size: row.size,
      mime_type: row.mimeType as AllowedFileType,
    };
  }

  return {
    /** Streams a file into the store for a message about to be sent; no transaction is held while the bytes arrive. */
    async upload(p: Principal, conversationId: string, file: IncomingFile, meta: RequestMeta): Promise<AttachmentDto> {
      const id = uuidv7();
      const fileKey = crypto.randomBytes(32);
      const { orgId, wrappedKey } = await inActiveOrg(deps, p, meta, null, async (scope) => {
        await participant(scope, conversationId);
        return { orgId: scope.actor.orgId, wrappedKey: await fieldCrypto.sealKeyForOrg(scope.tx, scope.actor.orgId, fileKey, attachmentKeyAad(id)) };
      });
      const storageKey = storageKeyOf(orgId, id);
      const filename = cleanFilename(file.filename);
      const received = await receive(
        storage,
        file.stream,
        { filename, contentType: file.contentType },
        { storageKey, fileKey, aad: attachmentBlobAad(orgId, id) },
      );
      try {
        return await inActiveOrg(deps, p, meta, null, async (scope) => {
          await participant(scope, conversationId);
          const row = {
            id,
            orgId,
            conversationId,
            uploadedBy: p.userId,
            filenameCiphertext: await fieldCrypto.sealForOrg(scope.tx, orgId, filename, attachmentFilenameAad(id)),
            size: received.size,
            mimeType: received.mimeType,
            sha256: received.sha256,
            storageKey,
            wrappedKey,
          };
          await attachmentsRepository.insert(scope.tx, row);
          await audit(scope, 'attachment.upload', row, { size: received.size, mime_type: received.mimeType });
          return present(scope.tx, { ...row, messageId: null, createdAt: new Date() });
        });
      } catch (error) {
        await storage.delete(storageKey).catch(() => undefined);
        throw error;
      }
    },

    /** Puts my waiting uploads on my message, in the message's own transaction; any id that is not one of them fails it. */
    async bind(tx: Tx, ids: string[], conversationId: string, messageId: string, senderUserId: string): Promise<void> {
      if (!ids.length) return;
      const bound = await attachmentsRepository.bind(tx, ids, conversationId, messageId, senderUserId);
      if (bound !== ids.length)
        throw new AppError(
          'MESSAGING.ATTACHMENT_NOT_FOUND',
          'An attached file is not one you uploaded to this conversation, or it is already sent; attach it again',
          {
            attachment_ids: ids,
          },
        );
    },

    /** The attachments of these messages, by message id. */
    async ofMessages(tx: Tx, messageIds: string[]): Promise<Map<string, AttachmentDto[]>> {
      const byMessage = new Map<string, AttachmentDto[]>();
      for (const row of await attachmentsRepository.ofMessages(tx, messageIds)) {
        const list = byMessage.get(row.messageId as string) ?? [];
        list.push(await present(tx, row));
        byMessage.set(row.messageId as string, list);
      }
      return byMessage;
    },

    /** A download link for this participant and this attachment, valid a few minutes. */
    link: (p: Principal, conversationId: string, attachmentId: string, meta: RequestMeta): Promise<FileLinkDto> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        await participant(scope, conversationId);
        const row = await attachmentsRepository.byId(scope.tx, attachmentId, conversationId);
        if (!row) throw new AppError('MESSAGING.ATTACHMENT_NOT_FOUND', 'No such file in this conversation');
        const { token, expiresAt } = await deps.tokens.issueFileLink({ fileId: row.id, userId: p.userId, orgId: row.orgId, kind: 'attachment' });
        await audit(scope, 'attachment.link_create', row, { expires_at: expiresAt.toISOString() });
        return { url: `/api/v1/files/download?token=${encodeURIComponent(token)}`, expires_at: expiresAt.toISOString() };
      }),

    /** What a download link to an attachment opens, re-checked as its holder now (still a participant), audited. */
    async opened(scope: OrgScope, attachmentId: string) {
      const row = await attachmentsRepository.byId(scope.tx, attachmentId);
      if (!row) throw new AppError('FILE.NOT_FOUND', 'No such file');
      const fileKey = await fieldCrypto.openKey(scope.tx, row.wrappedKey, attachmentKeyAad(row.id));
      if (!fileKey) throw new AppError('FILE.NOT_FOUND', 'This file was erased');
      const filename = (await fieldCrypto.open(scope.tx, row.filenameCiphertext, attachmentFilenameAad(row.id))) ?? 'file';
      await audit(scope, 'attachment.download', row, { size: row.size });
      return { row, fileKey, filename, aad: attachmentBlobAad(row.orgId, row.id) };
    },
  };
}

export type AttachmentsService = ReturnType<typeof createAttachmentsService>;
