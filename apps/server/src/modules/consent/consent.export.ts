import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Tx } from '../../platform/db/database';
import { userNames } from '../orgs';
import { consentRepository } from './consent.repository';

export type ExportedConsent = {
  id: string;
  kind: string;
  jurisdiction: string;
  version: number;
  granted_at: string;
  expires_at: string | null;
  revoked_at: string | null;
  recipient_id: string | null;
  /** Whom the client shares with, by name: GDPR Art. 15(1)(c) gives them the recipients of their data. */
  recipient_name: string | null;
  scope: string[];
};

/** A client's consent grants in the current org, for their data export (client context). */
export async function consentsForExport(tx: Tx, crypto: FieldCrypto, orgId: string, clientUserId: string): Promise<ExportedConsent[]> {
  const records = await consentRepository.ofClient(tx, orgId, clientUserId);
  const revoked = new Map(records.filter((r) => r.action === 'revoke').map((r) => [r.grantId, r.at]));
  const recipients = await userNames(
    tx,
    crypto,
    records.map((r) => r.recipientUserId),
  );
  const out: ExportedConsent[] = [];
  for (const r of records.filter((x) => x.action === 'grant')) {
    const template = await consentRepository.template(tx, r.templateId);
    out.push({
      id: r.id,
      kind: r.kind,
      jurisdiction: template?.jurisdiction ?? '',
      version: template?.version ?? 0,
      granted_at: r.at.toISOString(),
      expires_at: r.expiresAt?.toISOString() ?? null,
      revoked_at: revoked.get(r.id)?.toISOString() ?? null,
      recipient_id: r.recipientUserId,
      recipient_name: r.recipientUserId ? (recipients.get(r.recipientUserId) ?? null) : null,
      scope: r.scope,
    });
  }
  return out;
}
