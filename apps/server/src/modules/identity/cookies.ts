import type { FastifyReply } from 'fastify';
import { ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE } from '../../platform/auth/authenticate';
import { ACCESS_TOKEN_SECONDS, randomToken } from '../../platform/auth/tokens';
import { REFRESH_TOKEN_DAYS } from './identity.deps';

export const REFRESH_PATH = '/api/v1/auth';

export function setAccessCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(ACCESS_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: ACCESS_TOKEN_SECONDS });
}

/** Browser sign-in: HttpOnly tokens plus a readable CSRF token for the double-submit check. */
export function setSessionCookies(reply: FastifyReply, tokens: { access_token: string; refresh_token: string }, secure: boolean): void {
  setAccessCookie(reply, tokens.access_token, secure);
  void reply.setCookie(REFRESH_COOKIE, tokens.refresh_token, {
    path: REFRESH_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure,
    maxAge: REFRESH_TOKEN_DAYS * 86_400,
  });
  void reply.setCookie(CSRF_COOKIE, randomToken(18), { path: '/', httpOnly: false, sameSite: 'strict', secure, maxAge: REFRESH_TOKEN_DAYS * 86_400 });
}

export function clearSessionCookies(reply: FastifyReply): void {
  void reply.clearCookie(ACCESS_COOKIE, { path: '/' });
  void reply.clearCookie(REFRESH_COOKIE, { path: REFRESH_PATH });
  void reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
