import crypto from 'node:crypto';

/** Everything a client agrees to when they sign: the text in their language, their typed name, the moment, and for data sharing whom and what. */
export type SignedContent = {
  templateId: string;
  version: number;
  /** The template body exactly as shown, in the language the client signed in. */
  text: string;
  /** The name the client typed, verbatim. */
  signer: string;
  at: Date;
  recipientUserId: string | null;
  scope: readonly string[];
};

/**
 * The canonical form that is hashed: a JSON object with keys in this fixed order. Anyone holding the
 * template, the decrypted name and the record can recompute it and compare with `signed_hash`.
 */
export function canonicalSignedContent(c: SignedContent): string {
  return JSON.stringify({
    template: c.templateId,
    version: c.version,
    text: c.text,
    signer: c.signer,
    at: c.at.toISOString(),
    recipient: c.recipientUserId,
    scope: [...c.scope],
  });
}

/** SHA-256 (hex) of what was signed. */
export const signedHash = (c: SignedContent): string => crypto.createHash('sha256').update(canonicalSignedContent(c)).digest('hex');
