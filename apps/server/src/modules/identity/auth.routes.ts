import { authResult, loginBody, mfaLoginBody, ok, passwordResetBody, passwordResetRequestBody, refreshBody, registerBody } from '@tend/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { REFRESH_COOKIE } from '../../platform/auth/authenticate';
import { publicRoute } from '../../platform/http/route';
import type { AuthService } from './auth.service';
import { clearSessionCookies, setSessionCookies } from './cookies';
import type { RequestMeta } from './identity.deps';
import type { PasswordResetService } from './password-reset.service';

export const requestMeta = (request: FastifyRequest): RequestMeta => ({
  requestId: request.id,
  ip: request.ip,
  userAgent: request.headers['user-agent'] ?? null,
});

const tags = ['auth'];
export function authRoutes(
  app: FastifyInstance,
  deps: { auth: AuthService; resets: PasswordResetService; secureCookies: boolean; authLimitPerMinute: number },
): void {
  const { auth, resets, secureCookies } = deps;
  // Per client address, on top of the per-account and per-address lockout after failures (throttle.ts).
  const AUTH_LIMIT = { max: deps.authLimitPerMinute, timeWindow: '1 minute' };

  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/register',
    summary: 'Create a client account and sign in',
    tags,
    status: 201,
    rateLimit: AUTH_LIMIT,
    body: registerBody,
    response: authResult,
    handler: async ({ body, request, reply }) => {
      const meta = requestMeta(request);
      const result = await auth.signInAs(await auth.createAccount(body, meta), 'registration', meta);
      setSessionCookies(reply, result, secureCookies);
      return result;
    },
  });

  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Sign in with email and password',
    tags,
    rateLimit: AUTH_LIMIT,
    body: loginBody,
    response: authResult,
    handler: async ({ body, request, reply }) => {
      const result = await auth.login(body, requestMeta(request));
      if (result.status === 'authenticated') setSessionCookies(reply, result, secureCookies);
      return result;
    },
  });

  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/login/mfa',
    summary: 'Finish signing in with a TOTP or recovery code',
    tags,
    rateLimit: AUTH_LIMIT,
    body: mfaLoginBody,
    response: authResult,
    handler: async ({ body, request, reply }) => {
      const result = await auth.loginWithSecondFactor(body, requestMeta(request));
      setSessionCookies(reply, result, secureCookies);
      return result;
    },
  });

  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/refresh',
    summary: 'Rotate the refresh token and get a new access token',
    tags,
    rateLimit: { max: 60, timeWindow: '1 minute' },
    body: refreshBody.nullish(),
    response: authResult,
    handler: async ({ body, request, reply }) => {
      try {
        const result = await auth.refresh(body?.refresh_token ?? request.cookies[REFRESH_COOKIE], requestMeta(request));
        setSessionCookies(reply, result, secureCookies);
        return result;
      } catch (error) {
        clearSessionCookies(reply);
        throw error;
      }
    },
  });

  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'Sign out this device',
    tags,
    body: refreshBody.nullish(),
    response: ok,
    handler: async ({ body, request, reply, principal }) => {
      await auth.logout(
        { refreshToken: body?.refresh_token ?? request.cookies[REFRESH_COOKIE], sessionId: principal?.sessionId ?? null, userId: principal?.userId ?? null },
        requestMeta(request),
      );
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  });

  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/password/forgot',
    summary: 'Email a password reset link (always answers 202)',
    tags,
    status: 202,
    rateLimit: { max: 5, timeWindow: '1 minute' },
    body: passwordResetRequestBody,
    response: ok,
    handler: async ({ body, request }) => {
      await resets.request(body.email, requestMeta(request));
      return { ok: true as const };
    },
  });

  publicRoute(app, {
    method: 'POST',
    url: '/api/v1/auth/password/reset',
    summary: 'Set a new password with a reset token',
    tags,
    rateLimit: AUTH_LIMIT,
    body: passwordResetBody,
    response: ok,
    handler: async ({ body, request, reply }) => {
      await resets.reset(body.token, body.new_password, requestMeta(request));
      clearSessionCookies(reply);
      return { ok: true as const };
    },
  });
}
