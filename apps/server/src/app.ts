import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import type { Config } from './config';
import { adminPlugin } from './modules/admin';
import { casesPlugin } from './modules/cases';
import { clinicalPlugin } from './modules/clinical';
import { consentPlugin } from './modules/consent';
import { crisisPlugin } from './modules/crisis';
import { messagingPlugin } from './modules/messaging';
import { notificationsPlugin } from './modules/notifications';
import { filesPlugin } from './modules/files';
import { identityPlugin } from './modules/identity';
import { orgsPlugin } from './modules/orgs';
import { privacyPlugin } from './modules/privacy';
import { schedulingPlugin } from './modules/scheduling';
import { selfcarePlugin } from './modules/selfcare';
import { registerAuthentication } from './platform/auth/authenticate';
import { AppError } from './platform/http/app-error';
import { errorBody, registerErrorHandling } from './platform/http/error-handler';
import { createResponseSerializerCompiler, type SerializerFallback } from './platform/http/response-serializer';
import { registerSecurityHeaders } from './platform/http/security-headers';
import { registerMetrics } from './platform/observability/metrics';
import type { Runtime } from './platform/runtime';

/** What the deny-by-default test walks: every route with whether it declared itself public. */
export type RegisteredRoute = { method: string; url: string; public: boolean };
declare module 'fastify' {
  interface FastifyInstance {
    registeredRoutes: RegisteredRoute[];
    /** Route responses that kept the zod serializer (ADR 0026); a test keeps their number small. */
    serializerFallbacks: SerializerFallback[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,100}$/;

/** Builds the HTTP app: platform plugins first, then every module. Listening is the caller's job. */
export async function buildApp(config: Config, runtime: Runtime, logger: Logger): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (request) => {
      const sent = request.headers['x-request-id'];
      return typeof sent === 'string' && REQUEST_ID.test(sent) ? sent : crypto.randomUUID();
    },
    ajv: { customOptions: { coerceTypes: false } },
  });
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, public: route.config?.public === true });
  });
  app.decorate('registeredRoutes', routes);
  app.setValidatorCompiler(validatorCompiler);
  const serializers = createResponseSerializerCompiler({ checkWithZod: config.checkResponsesWithZod });
  app.setSerializerCompiler(serializers.compiler);
  app.decorate('serializerFallbacks', serializers.fallbacks);
  app.addHook('onReady', async () => {
    if (serializers.fallbacks.length) app.log.debug({ fallbacks: serializers.fallbacks }, 'responses serialized by zod (no compiled serializer)');
  });
  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  registerErrorHandling(app);
  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        // livekit-client also asks the LiveKit server over HTTPS (why a connection failed, LiveKit Cloud's regions).
        connectSrc: ["'self'", 'ws:', 'wss:', ...(config.livekit ? [liveKitHttpOrigin(config.livekit.url)] : [])],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    strictTransportSecurity: config.cookieSecure,
  });
  await app.register(cookie);
  await app.register(rateLimit, {
    global: config.rateLimitPerMinute > 0,
    max: config.rateLimitPerMinute || 1,
    timeWindow: '1 minute',
    errorResponseBuilder: (request, context) => ({
      statusCode: 429,
      ...errorBody(request, { status: 429, code: 'REQUEST.RATE_LIMITED', message: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s` }),
    }),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tend API', version: '1.0.0', description: 'Therapy and remote-care practice platform. Envelope and error codes: docs/api.md.' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          cookie: { type: 'apiKey', in: 'cookie', name: 'tend_access' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  registerAuthentication(app, runtime.tokens);
  registerMetrics(app);

  app.get('/health', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/ready', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    try {
      await runtime.db.app.query('select 1');
      return { status: 'ready' };
    } catch {
      return reply.status(503).send(errorBody(request, { status: 503, code: 'SERVER.UNAVAILABLE', message: 'The database is not reachable' }));
    }
  });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const shared = {
    db: runtime.db,
    crypto: runtime.crypto,
    tokens: runtime.tokens,
    mailer: runtime.mailer,
    publicUrl: config.publicUrl,
    secureCookies: config.cookieSecure,
  };
  const { auth } = identityPlugin(app, { ...shared, authLimitPerMinute: config.authRateLimitPerMinute });
  orgsPlugin(app, { ...shared, auth });
  adminPlugin(app, shared);
  const { cases } = await casesPlugin(app, { ...shared, jobs: runtime.jobs, caseloadCachePages: config.caseloadCachePages });
  clinicalPlugin(app, { ...shared, cases, overviewCachePages: config.caseOverviewCachePages });
  await privacyPlugin(app, { ...shared, jobs: runtime.jobs });
  const { notifications } = await notificationsPlugin(app, {
    ...shared,
    jobs: runtime.jobs,
    relay: runtime.relay,
    sms: runtime.sms,
    push: runtime.push,
    logger,
    config,
  });
  const { video } = await schedulingPlugin(app, {
    ...shared,
    jobs: runtime.jobs,
    notifications,
    relay: runtime.relay,
    video: runtime.video,
    iceServers: config.iceServers,
    logger,
  });
  consentPlugin(app, { ...shared, onRevoked: video.consentRevoked });
  selfcarePlugin(app, { ...shared, cases });
  const { flags } = await crisisPlugin(app, { ...shared, jobs: runtime.jobs, notifications, logger });
  const { attachments } = await filesPlugin(app, { ...shared, cases, storage: runtime.storage, jobs: runtime.jobs, logger });
  await messagingPlugin(app, { ...shared, relay: runtime.relay, cases, flags, jobs: runtime.jobs, notifications, logger, attachments });

  await serveWebApp(app, config.webDist);
  return app;
}

/** The built SPA at `/`, with client-side routes falling back to index.html. */
async function serveWebApp(app: FastifyInstance, dist: string | undefined): Promise<void> {
  if (!dist || !fs.existsSync(path.join(dist, 'index.html'))) return;
  // The service worker (the offline app, ADR 0014) is checked for updates on every visit: never serve it from a cache.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/sw.js')) void reply.header('cache-control', 'no-cache');
    return payload;
  });
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: false });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/socket.io')) {
      throw new AppError('REQUEST.NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}`);
    }
    const file = path.join(dist, request.url.split('?')[0] ?? '');
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) return reply.sendFile(path.relative(dist, file));
    // Read per request: a rebuilt web app must not leave this server pointing at deleted assets.
    return reply
      .type('text/html')
      .header('cache-control', 'no-cache')
      .send(await fs.promises.readFile(path.join(dist, 'index.html')));
  });
}

/** `wss://video.example:7880/x` → `https://video.example:7880`: the origin the browser's LiveKit client fetches from. */
function liveKitHttpOrigin(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol === 'ws:' || parsed.protocol === 'http:' ? 'http:' : 'https:'}//${parsed.host}`;
}
