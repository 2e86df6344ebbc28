import {
  authSession,
  me,
  mfaDisableBody,
  mfaEnrolment,
  mfaVerifyBody,
  ok,
  orgSwitchResult,
  passwordChangeBody,
  profileUpdateBody,
  recoveryCodes,
  sessionParams,
  switchOrgBody,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import type { AccountService } from './account.service';
import { requestMeta } from './auth.routes';
import { setAccessCookie } from './cookies';

const tags = ['me'];
const pendingMfa = { allowPendingMfa: true } as const;

export function meRoutes(app: FastifyInstance, deps: { account: AccountService; secureCookies: boolean }): void {
  const { account } = deps;

  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The signed-in user, their memberships and active org',
    tags,
    access: pendingMfa,
    response: me,
    handler: ({ principal, request }) => account.me(principal, requestMeta(request)),
  });

  privateRoute(app, {
    method: 'PATCH',
    url: '/api/v1/me',
    summary: 'Update name, phone or language',
    tags,
    access: pendingMfa,
    body: profileUpdateBody,
    response: me,
    handler: ({ principal, body, request }) => account.updateProfile(principal, body, requestMeta(request)),
  });

  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/me/password',
    summary: 'Change password; signs out other devices',
    tags,
    access: pendingMfa,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    body: passwordChangeBody,
    response: ok,
    handler: async ({ principal, body, request }) => {
      await account.changePassword(principal, body.current_password, body.new_password, requestMeta(request));
      return { ok: true as const };
    },
  });

  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/me/active-org',
    summary: 'Switch the organization you act in',
    tags,
    access: pendingMfa,
    body: switchOrgBody,
    response: orgSwitchResult,
    handler: async ({ principal, body, request, reply }) => {
      const result = await account.switchOrg(principal, body.org_id, requestMeta(request));
      setAccessCookie(reply, result.access_token, deps.secureCookies);
      return result;
    },
  });

  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/me/sessions',
    summary: 'Devices signed in to this account',
    tags,
    access: pendingMfa,
    response: z.array(authSession),
    handler: ({ principal }) => account.sessions(principal),
  });

  privateRoute(app, {
    method: 'DELETE',
    url: '/api/v1/me/sessions/:id',
    summary: 'Sign out a device',
    tags,
    access: pendingMfa,
    params: sessionParams,
    response: ok,
    handler: async ({ principal, params, request }) => {
      await account.revokeSession(principal, params.id, requestMeta(request));
      return { ok: true as const };
    },
  });

  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/me/mfa/enrol',
    summary: 'Start two-factor set-up: a TOTP secret to scan',
    tags,
    access: pendingMfa,
    response: mfaEnrolment,
    handler: ({ principal, request }) => account.startMfaEnrolment(principal, requestMeta(request)),
  });

  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/me/mfa/verify',
    summary: 'Confirm two-factor set-up; returns 10 recovery codes once',
    tags,
    access: pendingMfa,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    body: mfaVerifyBody,
    response: recoveryCodes,
    handler: async ({ principal, body, request, reply }) => {
      const { recovery_codes, accessToken } = await account.confirmMfa(principal, body.code, requestMeta(request));
      setAccessCookie(reply, accessToken, deps.secureCookies);
      return { recovery_codes };
    },
  });

  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/me/mfa/disable',
    summary: 'Turn two-factor authentication off',
    tags,
    access: pendingMfa,
    rateLimit: { max: 10, timeWindow: '1 minute' },
    body: mfaDisableBody,
    response: ok,
    handler: async ({ principal, body, request, reply }) => {
      setAccessCookie(reply, await account.disableMfa(principal, body.password, body.code, requestMeta(request)), deps.secureCookies);
      return { ok: true as const };
    },
  });
}
