import type { ErrorCode } from '@tend/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './app-error';

type Envelope = { status: number; code: ErrorCode; message: string; details?: unknown };

const FASTIFY_CODES: Record<string, Envelope> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED_JSON', message: 'The request body is not valid JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'REQUEST.MALFORMED_JSON', message: 'The request body is empty; send a JSON object' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'REQUEST.BODY_TOO_LARGE', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'REQUEST.UNSUPPORTED_MEDIA_TYPE', message: 'Send the body as application/json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'REQUEST.MALFORMED_JSON', message: 'The Content-Length does not match the body' },
};

function describe(error: FastifyError): Envelope {
  if (error instanceof AppError) return { status: error.status, code: error.code, message: error.message, details: error.details };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((v) => ({
      path: [error.validationContext, ...v.instancePath.split('/').filter(Boolean)].filter((p) => p && p !== 'body').join('.'),
      message: v.message ?? 'Invalid value',
    }));
    const first = details[0];
    const message = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'The request is not valid';
    return { status: 400, code: 'REQUEST.VALIDATION', message, details };
  }
  const known = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (known) return known;
  if (error.statusCode === 429) return { status: 429, code: 'REQUEST.RATE_LIMITED', message: 'Too many requests; wait a moment and try again' };
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
    return { status: error.statusCode, code: 'REQUEST.VALIDATION', message: error.message };
  }
  return { status: 500, code: 'SERVER.INTERNAL', message: 'Something went wrong on our side; the error was logged' };
}

export function errorBody(request: FastifyRequest, e: Envelope) {
  return {
    success: false as const,
    error: { code: e.code, message: e.message, ...(e.details === undefined ? {} : { details: e.details }), request_id: request.id },
  };
}

/** Every non-2xx leaves in the envelope of ARCHITECTURE §5; 5xx never leaks internals. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const e = describe(error);
    if (e.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: e.code, status: e.status }, 'request rejected');
    if (error instanceof AppError && error.headers) void reply.headers(error.headers);
    return reply.status(e.status).send(errorBody(request, e));
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send(errorBody(request, { status: 404, code: 'REQUEST.NOT_FOUND', message: `No route ${request.method} ${request.url.split('?')[0]}` })),
  );
}
