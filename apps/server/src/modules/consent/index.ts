import type { FastifyInstance } from 'fastify';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { consentRoutes } from './consent.routes';
import { createConsentService, type RevocationListener } from './consent.service';

export { checkConsent, consent, requireConsent, type ConsentDecision, type ConsentQuery, type ConsentReason, type DenialAudit } from './consent.check';
export { consentGuard } from './consent.guard';
export type { RevocationListener } from './consent.service';

/** The consent engine: texts by jurisdiction, append-only grants and revocations, one check for every module. */
export function consentPlugin(app: FastifyInstance, deps: { db: Database; crypto: FieldCrypto; onRevoked?: RevocationListener }) {
  consentRoutes(app, createConsentService(deps));
}
export { consentsForExport, type ExportedConsent } from './consent.export';
export { canonicalSignedContent, signedHash, type SignedContent } from './consent.signature';
