import { type ConsentGrant, type ConsentStatusEntry, consentKind, consentNeverGiven, type consentEvent, type consentTemplate } from '@tend/contracts';
import type { z } from 'zod';
import { grantState } from './consent.check';
import type { RecordRow, TemplateRow } from './consent.repository';

export const signerAad = (id: string) => `consent:${id}:signer`;
export const reasonAad = (id: string) => `consent:${id}:reason`;

export function toTemplate(t: TemplateRow): z.infer<typeof consentTemplate> {
  return {
    id: t.id,
    kind: t.kind,
    jurisdiction: t.jurisdiction,
    version: t.version,
    title: { uk: t.titleUk, en: t.titleEn },
    body: { uk: t.bodyUk, en: t.bodyEn },
    practice_text: t.orgId !== null,
  };
}

/**
 * The text in force per (kind, jurisdiction): the practice's newest version if it published one,
 * else the platform's newest. A later platform version does not override a practice's own text.
 */
export function currentTemplates(rows: TemplateRow[]): TemplateRow[] {
  const best = new Map<string, TemplateRow>();
  for (const t of rows) {
    const key = `${t.kind}/${t.jurisdiction}`;
    const have = best.get(key);
    const wins = !have || (t.orgId !== null && have.orgId === null) || ((t.orgId === null) === (have.orgId === null) && t.version > have.version);
    if (wins) best.set(key, t);
  }
  return [...best.values()];
}

const templateRef = (t: TemplateRow) => ({ id: t.id, version: t.version, jurisdiction: t.jurisdiction });
const scopeOf = (r: RecordRow) => r.scope as ConsentGrant['scope'];

/** A grant as its client sees it, with their signature. */
export function toGrant(
  r: RecordRow,
  parts: { template: TemplateRow; revokedAt: Date | null; recipientName: string | null; signerName: string; now: Date },
): ConsentGrant {
  return {
    id: r.id,
    kind: r.kind,
    template: templateRef(parts.template),
    client_id: r.clientUserId,
    recipient: r.recipientUserId ? { id: r.recipientUserId, name: parts.recipientName ?? '[unavailable]' } : null,
    scope: scopeOf(r),
    session_id: r.sessionId,
    granted_at: r.at.toISOString(),
    expires_at: r.expiresAt?.toISOString() ?? null,
    revoked_at: parts.revokedAt?.toISOString() ?? null,
    state: grantState(r, parts.revokedAt !== null, parts.now),
    signature: { name: parts.signerName, language: r.language, hash: r.signedHash ?? '', ip: r.ip },
  };
}

export function toEvent(r: RecordRow, reason: string | null): z.infer<typeof consentEvent> {
  const grant = r.action === 'grant';
  return {
    id: r.id,
    action: r.action,
    kind: r.kind,
    grant_id: r.grantId ?? r.id,
    at: r.at.toISOString(),
    by: r.recordedBy,
    recipient_id: r.recipientUserId,
    scope: grant ? scopeOf(r) : [],
    session_id: r.sessionId,
    expires_at: grant ? (r.expiresAt?.toISOString() ?? null) : null,
    reason,
  };
}

/**
 * Where a client stands: for every kind, the newest grant per data-sharing recipient (per recorded
 * session for recording), or `none`. `records` are the client's records, newest first.
 */
export function toStatus(records: RecordRow[], templates: Map<string, TemplateRow>, names: Map<string, string>, now: Date): ConsentStatusEntry[] {
  const revokedAt = new Map(records.filter((r) => r.action === 'revoke').map((r) => [r.grantId, r.at]));
  const seen = new Set<string>();
  const entries: ConsentStatusEntry[] = [];
  for (const r of records) {
    const key = `${r.kind}/${r.recipientUserId ?? ''}/${r.sessionId ?? ''}`;
    if (r.action !== 'grant' || seen.has(key)) continue;
    seen.add(key);
    const revoked = revokedAt.get(r.id) ?? null;
    const state = grantState(r, revoked !== null, now);
    const template = templates.get(r.templateId);
    entries.push({
      kind: r.kind,
      state: state === 'active' ? 'granted' : state,
      grant_id: r.id,
      template: template ? templateRef(template) : null,
      recipient: r.recipientUserId ? { id: r.recipientUserId, name: names.get(r.recipientUserId) ?? '[unavailable]' } : null,
      scope: scopeOf(r),
      session_id: r.sessionId,
      granted_at: r.at.toISOString(),
      expires_at: r.expiresAt?.toISOString() ?? null,
      revoked_at: revoked?.toISOString() ?? null,
    });
  }
  const order = consentKind.options;
  for (const kind of order) if (!entries.some((e) => e.kind === kind)) entries.push(consentNeverGiven(kind));
  return entries.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}
