import type { Principal, TokenService } from '../../platform/auth/tokens';
import type { Mailer } from '../../platform/channels/mailer';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';

export type IdentityDeps = {
  db: Database;
  crypto: FieldCrypto;
  tokens: TokenService;
  mailer: Mailer;
  publicUrl: string;
};

/** Where a request came from; recorded on sessions and audit rows. */
export type RequestMeta = { requestId: string; ip: string; userAgent: string | null };

export type Tokens = { accessToken: string; refreshToken: string; principal: Principal };

export const REFRESH_TOKEN_DAYS = 7;
export const STAFF_ROLES = new Set(['specialist', 'co_specialist', 'supervisor']);
