import { caseFileDto, fileDeleted, fileDownloadQuery, fileLinkDto, fileParams, MAX_FILE_BYTES, updateFileBody, uuidParam } from '@tend/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error';
import { privateRoute, publicRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { FilesService, IncomingFile } from './files.service';

const tags = ['case files'];
/** Room for the multipart boundaries and headers around a file of the largest size. */
const MULTIPART_OVERHEAD = 64 * 1024;

/** The file part of a multipart upload, as a stream; fields before it (shared_with_client) come along. */
export async function filePart(request: FastifyRequest): Promise<IncomingFile> {
  if (!request.isMultipart()) throw new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data in a part named "file"');
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > MAX_FILE_BYTES + MULTIPART_OVERHEAD) {
    throw new AppError('FILE.TOO_LARGE', `A file can be at most ${MAX_FILE_BYTES / 1024 / 1024} MB; split it or compress it and try again`, undefined, {
      connection: 'close',
    });
  }
  // One byte over the limit reaches the intake, which refuses it; busboy discards the rest.
  const part = await request.file({ limits: { fileSize: MAX_FILE_BYTES + 1, files: 1, fields: 5, parts: 6, fieldSize: 100 } });
  if (!part || part.fieldname !== 'file') throw new AppError('FILE.MISSING', 'Attach the file in a multipart part named "file"');
  const shared = part.fields.shared_with_client;
  const sharedValue = shared && !Array.isArray(shared) && shared.type === 'field' ? String(shared.value) : 'false';
  return { filename: part.filename, contentType: part.mimetype, stream: part.file, sharedWithClient: sharedValue === 'true' };
}

export function filesRoutes(app: FastifyInstance, s: { files: FilesService }): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/files',
    summary: `Attach a file to a case (multipart/form-data, part "file", up to ${MAX_FILE_BYTES / 1024 / 1024} MB; optional field shared_with_client before it)`,
    tags,
    status: 201,
    params: uuidParam,
    response: caseFileDto,
    handler: async ({ principal, params, request, reply }) => {
      const file = await filePart(request);
      try {
        return await s.files.upload(principal, params.id, file, requestMeta(request));
      } catch (error) {
        // The client may still be sending; close after answering rather than read the rest.
        if (!file.stream.readableEnded) void reply.header('connection', 'close');
        file.stream.resume();
        throw error;
      }
    },
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/cases/:id/files',
    summary: 'Files of a case, newest first (care team; the client sees shared files and their own)',
    tags,
    params: uuidParam,
    response: z.array(caseFileDto),
    handler: ({ principal, params, request }) => s.files.list(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/cases/:id/files/:fileId',
    summary: 'Share a file with the client, or stop sharing it (care team)',
    tags,
    params: fileParams,
    body: updateFileBody,
    response: caseFileDto,
    handler: ({ principal, params, body, request }) => s.files.share(principal, params.id, params.fileId, body.shared_with_client, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/cases/:id/files/:fileId',
    summary: 'Delete a file (its uploader or the lead specialist)',
    tags,
    params: fileParams,
    response: fileDeleted,
    handler: ({ principal, params, request }) => s.files.remove(principal, params.id, params.fileId, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/cases/:id/files/:fileId/link',
    summary: 'A download link for this file, valid 5 minutes, for the caller only',
    tags,
    status: 201,
    params: fileParams,
    response: fileLinkDto,
    handler: ({ principal, params, request }) => s.files.link(principal, params.id, params.fileId, requestMeta(request)),
  });
  publicRoute(app, {
    method: 'GET',
    url: '/api/v1/files/download',
    summary: 'Download a file by a link from POST …/files/:fileId/link (the token is the credential)',
    tags,
    querystring: fileDownloadQuery,
    response: z.unknown(),
    binary: true,
    handler: ({ query, request }) => s.files.download(query.token, requestMeta(request)),
  });
}
