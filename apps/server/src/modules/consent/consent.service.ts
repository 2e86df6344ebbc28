import crypto from 'node:crypto';
import { type ConsentGrant, type ConsentKind, DATA_SHARING_DEFAULT_DAYS } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, orgsRepository, userNames } from '../orgs';
import { grantState } from './consent.check';
import { consentRepository, type RecordRow, type TemplateRow } from './consent.repository';

const signerAad = (id: string) => `consent:${id}:signer`;
const reasonAad = (id: string) => `consent:${id}:reason`;
const toTemplate = (t: TemplateRow) => ({
  id: t.id,
  kind: t.kind,
  jurisdiction: t.jurisdiction,
  version: t.version,
  title: { uk: t.titleUk, en: t.titleEn },
  body: { uk: t.bodyUk, en: t.bodyEn },
  practice_text: t.orgId !== null,
});

export function createConsentService(deps: { db: Database; crypto: FieldCrypto }) {
  const { crypto: fields } = deps;

  async function grants(tx: Tx, orgId: string, clientId: string): Promise<ConsentGrant[]> {
    const records = await consentRepository.ofClient(tx, orgId, clientId);
    const revocations = new Map(records.filter((r) => r.action === 'revoke').map((r) => [r.grantId, r]));
    const names = await userNames(
      tx,
      fields,
      records.map((r) => r.recipientUserId),
    );
    const now = new Date();
    const out: ConsentGrant[] = [];
    for (const r of records.filter((x) => x.action === 'grant')) {
      const template = (await consentRepository.template(tx, r.templateId)) as TemplateRow;
      const revoked = revocations.get(r.id);
      out.push({
        id: r.id,
        kind: r.kind,
        template: { id: template.id, version: template.version, jurisdiction: template.jurisdiction },
        client_id: r.clientUserId,
        recipient: r.recipientUserId ? { id: r.recipientUserId, name: names.get(r.recipientUserId) ?? '[unavailable]' } : null,
        scope: r.scope as ConsentGrant['scope'],
        session_id: r.sessionId,
        granted_at: r.at.toISOString(),
        expires_at: r.expiresAt?.toISOString() ?? null,
        revoked_at: revoked?.at.toISOString() ?? null,
        state: grantState(r, Boolean(revoked), now),
        signature: {
          name: r.signerNameCiphertext ? ((await fields.open(tx, r.signerNameCiphertext, signerAad(r.id))) ?? '[erased]') : '',
          language: r.language,
          hash: r.signedHash ?? '',
          ip: r.ip,
        },
      });
    }
    return out;
  }

  /** The client whose consents a caller asks about: themselves, or (staff) a client of the practice. */
  async function subject(scope: OrgScope, clientId: string | undefined): Promise<string> {
    if (scope.role === 'client') {
      if (clientId && clientId !== scope.actor.userId) throw new AppError('CONSENT.NOT_FOUND', 'No such client');
      return scope.actor.userId;
    }
    if (!clientId) throw new AppError('REQUEST.VALIDATION', 'Name the client (client_id)', [{ path: 'client_id', message: 'Required for staff' }]);
    if ((await orgsRepository.roleOf(scope.tx, scope.actor.orgId, clientId)) !== 'client')
      throw new AppError('CONSENT.NOT_FOUND', 'No such client in this practice');
    return clientId;
  }

  return {
    templates: (p: Principal, q: { jurisdiction?: TemplateRow['jurisdiction'] | undefined; kind?: ConsentKind | undefined }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async ({ tx }) => {
        // The newest version per kind and jurisdiction; a practice's own text wins over the platform's.
        const all = (await consentRepository.templates(tx)).filter(
          (t) => (!q.jurisdiction || t.jurisdiction === q.jurisdiction) && (!q.kind || t.kind === q.kind),
        );
        const best = new Map<string, TemplateRow>();
        for (const t of all) {
          const key = `${t.kind}/${t.jurisdiction}`;
          const have = best.get(key);
          if (!have || t.version > have.version) best.set(key, t);
        }
        return [...best.values()].map(toTemplate);
      }),

    createTemplate: (
      p: Principal,
      body: { kind: ConsentKind; jurisdiction: TemplateRow['jurisdiction']; title_uk: string; title_en: string; body_uk: string; body_en: string },
      meta: RequestMeta,
    ) =>
      inActiveOrg(deps, p, meta, ['org_admin'], async ({ tx, actor }) => {
        const version = (await consentRepository.latestOrgVersion(tx, actor.orgId, body.kind, body.jurisdiction)) + 1;
        const id = uuidv7();
        await consentRepository.insertTemplate(tx, {
          id,
          orgId: actor.orgId,
          kind: body.kind,
          jurisdiction: body.jurisdiction,
          version,
          titleUk: body.title_uk,
          titleEn: body.title_en,
          bodyUk: body.body_uk,
          bodyEn: body.body_en,
          createdBy: p.userId,
        });
        await recordAudit(tx, actor, {
          action: 'consent.template_create',
          resourceType: 'consent_template',
          resourceId: id,
          purpose: 'consent',
          details: { kind: body.kind, jurisdiction: body.jurisdiction, version },
        });
        return toTemplate((await consentRepository.template(tx, id)) as TemplateRow);
      }),

    grant: (
      p: Principal,
      body: {
        template_id: string;
        signature_name: string;
        language: 'uk' | 'en';
        recipient_user_id?: string | undefined;
        scope?: string[] | undefined;
        expires_in_days?: number | undefined;
        session_id?: string | undefined;
      },
      meta: RequestMeta,
    ): Promise<ConsentGrant> =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        const template = await consentRepository.template(tx, body.template_id);
        if (!template) throw new AppError('CONSENT.TEMPLATE_NOT_FOUND', 'No such consent text');
        const sharing = template.kind === 'data_sharing';
        if (sharing && !body.recipient_user_id) throw new AppError('CONSENT.INVALID_RECIPIENT', 'Name the specialist you share with');
        if (sharing && !body.scope?.length) throw new AppError('CONSENT.SCOPE_REQUIRED', 'Choose what you share');
        if (!sharing && (body.recipient_user_id || body.scope))
          throw new AppError('REQUEST.VALIDATION', 'Only data sharing names a recipient and a scope', [
            { path: 'recipient_user_id', message: 'Not for this kind' },
          ]);
        if (body.recipient_user_id && !(await consentRepository.isSpecialistHere(tx, body.recipient_user_id)))
          throw new AppError('CONSENT.INVALID_RECIPIENT', 'You can share only with a specialist of this practice');
        const days = body.expires_in_days ?? (sharing ? DATA_SHARING_DEFAULT_DAYS : undefined);
        const at = new Date();
        const id = uuidv7();
        const text = body.language === 'uk' ? template.bodyUk : template.bodyEn;
        const signed = crypto
          .createHash('sha256')
          .update(
            JSON.stringify({
              template: template.id,
              version: template.version,
              text,
              signer: body.signature_name,
              at: at.toISOString(),
              recipient: body.recipient_user_id ?? null,
              scope: body.scope ?? [],
            }),
          )
          .digest('hex');
        await consentRepository.insert(tx, {
          id,
          orgId: actor.orgId,
          clientUserId: p.userId,
          action: 'grant',
          kind: template.kind,
          templateId: template.id,
          recipientUserId: body.recipient_user_id ?? null,
          scope: body.scope ?? [],
          sessionId: body.session_id ?? null,
          expiresAt: days ? new Date(at.getTime() + days * 86_400_000) : null,
          language: body.language,
          signerNameCiphertext: await fields.sealForOrg(tx, actor.orgId, body.signature_name, signerAad(id)),
          signedHash: signed,
          ip: meta.ip,
          recordedBy: p.userId,
          at,
        });
        await recordAudit(tx, actor, {
          action: 'consent.grant',
          resourceType: 'consent',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'consent',
          details: { kind: template.kind },
        });
        return (await grants(tx, actor.orgId, p.userId)).find((g) => g.id === id) as ConsentGrant;
      }),

    revoke: (p: Principal, grantId: string, reason: string | undefined, meta: RequestMeta): Promise<ConsentGrant> =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        await tx.$client.query('select pg_advisory_xact_lock(hashtext($1))', [`consent:${grantId}`]);
        const grant = await consentRepository.record(tx, grantId);
        if (!grant || grant.action !== 'grant' || grant.clientUserId !== p.userId) throw new AppError('CONSENT.NOT_FOUND', 'No such consent of yours');
        if ((await consentRepository.revocationsOf(tx, [grantId])).length) throw new AppError('CONSENT.ALREADY_REVOKED', 'You already revoked this consent');
        const id = uuidv7();
        await consentRepository.insert(tx, {
          id,
          orgId: grant.orgId,
          clientUserId: p.userId,
          action: 'revoke',
          kind: grant.kind,
          templateId: grant.templateId,
          grantId,
          recipientUserId: grant.recipientUserId,
          language: grant.language,
          ip: meta.ip,
          reasonCiphertext: reason ? await fields.sealForOrg(tx, grant.orgId, reason, reasonAad(id)) : null,
          recordedBy: p.userId,
        });
        await recordAudit(tx, actor, {
          action: 'consent.revoke',
          resourceType: 'consent',
          resourceId: grantId,
          subjectUserId: p.userId,
          purpose: 'consent',
          details: { kind: grant.kind },
        });
        return (await grants(tx, grant.orgId, p.userId)).find((g) => g.id === grantId) as ConsentGrant;
      }),

    status: (p: Principal, clientId: string | undefined, meta: RequestMeta): Promise<ConsentGrant[]> =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'co_specialist', 'supervisor', 'org_admin'], async (scope) => {
        const client = await subject(scope, clientId);
        const all = await grants(scope.tx, scope.actor.orgId, client);
        await recordAudit(scope.tx, scope.actor, { action: 'consent.status_read', resourceType: 'consent', subjectUserId: client, purpose: 'consent' });
        // The current grant per kind (and per data-sharing recipient).
        const seen = new Set<string>();
        return all.filter((g) => {
          const key = `${g.kind}/${g.recipient?.id ?? ''}/${g.session_id ?? ''}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
      }),

    history: (p: Principal, clientId: string | undefined, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['client', 'specialist', 'co_specialist', 'supervisor', 'org_admin'], async (scope) => {
        const client = await subject(scope, clientId);
        const records = await consentRepository.ofClient(scope.tx, scope.actor.orgId, client);
        await recordAudit(scope.tx, scope.actor, { action: 'consent.history_read', resourceType: 'consent', subjectUserId: client, purpose: 'consent' });
        return Promise.all(
          records.map(async (r: RecordRow) => ({
            id: r.id,
            action: r.action,
            kind: r.kind,
            grant_id: r.grantId ?? r.id,
            at: r.at.toISOString(),
            by: r.recordedBy,
            reason: r.reasonCiphertext ? await fields.open(scope.tx, r.reasonCiphertext, reasonAad(r.id)) : null,
          })),
        );
      }),

    /** Active data-sharing grants naming me (specialist). */
    sharedWithMe: (p: Principal, meta: RequestMeta): Promise<ConsentGrant[]> =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor'], async ({ tx, actor }) => {
        const naming = await consentRepository.namingRecipient(tx, actor.orgId, p.userId);
        const clients = [...new Set(naming.map((r) => r.clientUserId))];
        const all = (await Promise.all(clients.map((c) => grants(tx, actor.orgId, c)))).flat();
        return all.filter((g) => g.kind === 'data_sharing' && g.recipient?.id === p.userId && g.state === 'active');
      }),
  };
}

export type ConsentService = ReturnType<typeof createConsentService>;
