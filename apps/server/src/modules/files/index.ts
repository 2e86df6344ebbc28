import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Jobs } from '../../platform/jobs/jobs';
import { attachmentsRoutes } from './attachments.routes';
import { createAttachmentsService } from './attachments.service';
import { BLOB_PURGE_JOB, type BlobPurge, createBlobPurger } from './files.purge';
import { filesRoutes } from './files.routes';
import { createFilesService, type FilesDeps } from './files.service';

export type { FilesService } from './files.service';
export { type AttachmentDto, type AttachmentsService } from './attachments.service';

/**
 * Files on a case, and files sent in chat: streamed uploads sniffed by content, sealed per file,
 * downloaded by short-lived links.
 */
export async function filesPlugin(app: FastifyInstance, deps: Omit<FilesDeps, 'attachments'> & { jobs: Jobs; logger: Logger }) {
  const attachments = createAttachmentsService(deps);
  const files = createFilesService({ ...deps, attachments });
  // Blobs of erased files, deleted after the erasure has committed (files.purge.ts).
  await deps.jobs.work<BlobPurge>(BLOB_PURGE_JOB, createBlobPurger(deps.storage, deps.logger));
  // Multipart parsing is registered for these routes only; the rest of the API stays JSON.
  await app.register(async (scope) => {
    await scope.register(multipart, { throwFileSizeLimit: false });
    filesRoutes(scope, { files });
    attachmentsRoutes(scope, attachments);
  });
  return { files, attachments };
}
export { documentsForExport, type ExportedDocument } from './files.export';
export { eraseAttachmentsOf, eraseAttachmentsUploadedBy, eraseFilesOfCases } from './files.repository';
export { purgeBlobsAfterCommit } from './files.purge';
