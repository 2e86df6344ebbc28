import { envelope, errorBody, type OrgRole } from '@tend/contracts';
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type z } from 'zod';
import type { Principal } from '../auth/tokens';
import type { PageTotal } from '../db/page-total';
import { AppError } from './app-error';

/** A page of results; the envelope moves the numbers into `meta`. A capped total means "more than" (platform/db/page-total). */
export class Paged<T> {
  readonly total: number;
  readonly totalCapped: boolean;
  constructor(
    readonly items: T[],
    readonly page: number,
    readonly perPage: number,
    total: number | PageTotal,
  ) {
    this.total = typeof total === 'number' ? total : total.total;
    this.totalCapped = typeof total === 'number' ? false : total.capped;
  }
}

/** Bytes sent as they are (a file download) instead of the JSON envelope; errors before it still use the envelope. */
export class BinaryResponse {
  constructor(
    readonly body: Readable,
    readonly headers: Record<string, string | number>,
  ) {}
}

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

type Common<B, Q, P, R> = {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tags: string[];
  body?: B;
  querystring?: Q;
  params?: P;
  response: R;
  status?: 200 | 201 | 202;
  /** Per-route limit on top of the global one (e.g. sign-in); `perUser` counts by the signed-in person, not the address. */
  rateLimit?: { max: number; timeWindow: string; perUser?: boolean };
  /** Runs after authentication and access checks, before the handler (e.g. a consent guard). */
  guard?: (request: FastifyRequest) => Promise<void>;
  /** The route answers with a `BinaryResponse`; `response` then describes nothing and is left out of the schema. */
  binary?: true;
};

type Input<B, Q, P> = { body: Out<B>; query: Out<Q>; params: Out<P>; request: FastifyRequest; reply: FastifyReply };
type Result<R> = Out<R> | (Out<R> extends Array<infer I> ? Paged<I> : never) | BinaryResponse;

/** Who may call a private route. Org-level checks (membership of :id) happen in the service. */
export type Access = { roles?: readonly OrgRole[]; platformAdmin?: true; allowPendingMfa?: true };

export function publicRoute<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, R extends Schema>(
  app: FastifyInstance,
  spec: Common<B, Q, P, R> & { handler: (input: Input<B, Q, P> & { principal: Principal | null }) => Promise<Result<R>> },
): void {
  register(app, spec, { public: true }, (input) => spec.handler({ ...input, principal: input.request.principal ?? null }));
}

export function privateRoute<B extends Schema | undefined, Q extends Schema | undefined, P extends Schema | undefined, R extends Schema>(
  app: FastifyInstance,
  spec: Common<B, Q, P, R> & { access?: Access; handler: (input: Input<B, Q, P> & { principal: Principal }) => Promise<Result<R>> },
): void {
  register(app, spec, { public: false, access: spec.access ?? {} }, (input) => {
    const principal = input.request.principal;
    if (!principal) throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue');
    return spec.handler({ ...input, principal });
  });
}

function register<B, Q, P, R extends Schema>(
  app: FastifyInstance,
  spec: Common<B, Q, P, R>,
  config: { public: boolean; access?: Access },
  run: (input: Input<B, Q, P>) => Promise<unknown>,
): void {
  const status = spec.status ?? 200;
  // Typed by Input/Result above; fastify-type-provider-zod validates with the schemas, response-serializer.ts writes the answers.
  app.route({
    method: spec.method,
    url: spec.url,
    config: { ...config, ...(spec.rateLimit ? { rateLimit: rateLimitOf(spec.rateLimit) } : {}) },
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      ...(spec.body ? { body: spec.body as unknown as Schema } : {}),
      ...(spec.querystring ? { querystring: spec.querystring as unknown as Schema } : {}),
      ...(spec.params ? { params: spec.params as unknown as Schema } : {}),
      ...(config.public ? {} : { security: [{ bearer: [] }, { cookie: [] }] }),
      response: { ...(spec.binary ? {} : { [status]: envelope(spec.response) }), '4XX': errorBody, '5XX': errorBody },
    },
    preHandler: async (request) => {
      if (config.access) {
        const denied = checkAccess(request.principal, config.access);
        if (denied) throw denied;
      }
      if (spec.guard) await spec.guard(request);
    },
    // The envelope is built here for every route; its shape is checked by the response schema.
    handler: async (request, reply) => {
      const result = await run({ body: request.body as Out<B>, query: request.query as Out<Q>, params: request.params as Out<P>, request, reply });
      void reply.status(status);
      if (result instanceof BinaryResponse) return reply.headers(result.headers).send(result.body);
      if (result instanceof Paged) {
        const meta = { request_id: request.id, page: result.page, per_page: result.perPage, total: result.total };
        return { success: true, data: result.items, meta: result.totalCapped ? { ...meta, total_capped: true } : meta };
      }
      return { success: true, data: result, meta: { request_id: request.id } };
    },
  });
}

function checkAccess(principal: Principal | undefined, access: Access): AppError | undefined {
  if (!principal) return new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue');
  if (principal.mfaEnrolmentRequired && !access.allowPendingMfa) {
    return new AppError('AUTH.MFA_ENROLMENT_REQUIRED', 'Your practice requires two-factor authentication; set it up under Account → Security');
  }
  if (access.platformAdmin && !principal.platformAdmin) return new AppError('AUTH.FORBIDDEN', 'Only platform administrators can do this');
  if (access.roles && !(principal.role && access.roles.includes(principal.role)) && !principal.platformAdmin) {
    return new AppError('AUTH.FORBIDDEN', 'Your role in this practice does not allow this');
  }
  return undefined;
}

function rateLimitOf(limit: { max: number; timeWindow: string; perUser?: boolean }) {
  if (!limit.perUser) return { max: limit.max, timeWindow: limit.timeWindow };
  // After authentication, so the key is the person (one flood cannot hide behind many addresses).
  return {
    max: limit.max,
    timeWindow: limit.timeWindow,
    hook: 'preHandler' as const,
    keyGenerator: (request: FastifyRequest) => `user:${request.principal?.userId ?? request.ip}`,
  };
}
