import type { FastifyInstance } from 'fastify';
import { createAccountService } from './account.service';
import { authRoutes } from './auth.routes';
import { createAuthService } from './auth.service';
import type { IdentityDeps } from './identity.deps';
import { meRoutes } from './me.routes';
import { createPasswordResetService } from './password-reset.service';

export type { IdentityDeps, RequestMeta } from './identity.deps';
export { requestMeta } from './auth.routes';
export { contextOf } from './account.service';
export { setSessionCookies } from './cookies';
export { hashPassword } from './password';
export { userAad } from './identity.mapper';
export { usersRepository } from './users.repository';
export { createAuthService, type AuthService } from './auth.service';
export { identitySchema, users, orgs, memberships, invitations } from './identity.table';

/** Sign-in, registration, tokens, 2FA and the user's own account. */
export function identityPlugin(app: FastifyInstance, deps: IdentityDeps & { secureCookies: boolean; authLimitPerMinute: number }) {
  const auth = createAuthService(deps);
  authRoutes(app, { auth, resets: createPasswordResetService(deps), secureCookies: deps.secureCookies, authLimitPerMinute: deps.authLimitPerMinute });
  meRoutes(app, { account: createAccountService(deps), secureCookies: deps.secureCookies });
  return { auth };
}
export { eraseAccount } from './account-erasure';
