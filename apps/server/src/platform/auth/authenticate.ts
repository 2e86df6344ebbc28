import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error';
import type { Principal, TokenService } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export const ACCESS_COOKIE = 'tend_access';
export const REFRESH_COOKIE = 'tend_refresh';
export const CSRF_COOKIE = 'tend_csrf';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths outside the API that are public by nature (docs, SPA, static assets, probes). */
const PUBLIC_PREFIXES = ['/api/docs', '/health', '/ready', '/metrics'];

function isPublic(request: FastifyRequest): boolean {
  if (request.routeOptions.config.public === true) return true;
  const url = request.routeOptions.url ?? request.url;
  if (!url.startsWith('/api/')) return true; // the SPA and its assets
  return PUBLIC_PREFIXES.some((p) => url === p || url.startsWith(`${p}/`)) || url === '/api/openapi.json';
}

/**
 * Deny by default: every route is private unless it says `public`. A bearer token needs no CSRF
 * check; a cookie does (double submit: header x-csrf-token must equal the tend_csrf cookie).
 */
export function registerAuthentication(app: FastifyInstance, tokens: TokenService): void {
  app.addHook('onRequest', async (request) => {
    const open = isPublic(request);
    const header = request.headers.authorization;
    const bearer = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const cookie = request.cookies[ACCESS_COOKIE];
    const token = bearer || cookie;
    if (!token) {
      if (open) return;
      throw new AppError('AUTH.UNAUTHENTICATED', 'Sign in to continue');
    }
    try {
      request.principal = await tokens.verifyAccess(token);
    } catch (error) {
      if (open) return; // a stale cookie must not break public pages
      throw error;
    }
    if (!bearer && !SAFE_METHODS.has(request.method) && !open) {
      const sent = request.headers['x-csrf-token'];
      if (!sent || sent !== request.cookies[CSRF_COOKIE]) throw new AppError('REQUEST.CSRF', 'The request lacks its CSRF token; reload the page and try again');
    }
  });
}
