import { attachmentDto, fileLinkDto, MAX_FILE_BYTES } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { AttachmentsService } from './attachments.service';
import { filePart } from './files.routes';

const tags = ['messaging'];
const conversationParam = z.object({ id: z.uuid() });
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export function attachmentsRoutes(app: FastifyInstance, attachments: AttachmentsService): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/attachments',
    summary: `Upload a file to send with your next message in this conversation (multipart/form-data, part "file", up to ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
    tags,
    status: 201,
    params: conversationParam,
    response: attachmentDto,
    rateLimit: { max: 60, timeWindow: '1 minute', perUser: true },
    handler: async ({ principal, params, request, reply }) => {
      const file = await filePart(request);
      try {
        return await attachments.upload(principal, params.id, file, requestMeta(request));
      } catch (error) {
        if (!file.stream.readableEnded) void reply.header('connection', 'close');
        file.stream.resume();
        throw error;
      }
    },
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/conversations/:id/attachments/:attachmentId/link',
    summary: "A download link for a file sent in this conversation, valid 5 minutes, for the caller only (the conversation's participants)",
    tags,
    status: 201,
    params: attachmentParams,
    response: fileLinkDto,
    handler: ({ principal, params, request }) => attachments.link(principal, params.id, params.attachmentId, requestMeta(request)),
  });
}
