import type { ConsentStatusEntry, OrgRole, SharedWithMeEntry } from '@tend/contracts';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { Paged } from '../../platform/http/route';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, orgsRepository, userNames } from '../orgs';
import { grantState } from './consent.check';
import { reasonAad, toEvent, toStatus } from './consent.mapper';
import { consentRepository, type TemplateRow } from './consent.repository';

/** Who may read a client's consents besides the client: their care team and the practice's admin. */
const STAFF: readonly OrgRole[] = ['specialist', 'co_specialist', 'supervisor', 'org_admin'];
const notFound = () => new AppError('CONSENT.NOT_FOUND', 'No such client in this practice');

/** Status, history and "shared with me": the reads, each audited in its own transaction. */
export function createConsentReads(deps: { db: Database; crypto: FieldCrypto }) {
  const { crypto: fields } = deps;

  /**
   * The client whose consents the caller asks about: themselves, or (staff) a client of this
   * practice. Everyone else, and any client of another practice, gets the same 404.
   */
  async function subject(scope: OrgScope, clientId: string | undefined): Promise<{ clientId: string; purpose: 'consent' | 'treatment' }> {
    if (scope.role === 'client') {
      if (clientId && clientId !== scope.actor.userId) throw notFound();
      return { clientId: scope.actor.userId, purpose: 'consent' };
    }
    if (!STAFF.includes(scope.role)) throw notFound();
    if (!clientId) throw new AppError('REQUEST.VALIDATION', 'Name the client (client_id)', [{ path: 'client_id', message: 'Required for staff' }]);
    if ((await orgsRepository.roleOf(scope.tx, scope.actor.orgId, clientId)) !== 'client') throw notFound();
    return { clientId, purpose: 'treatment' };
  }

  return {
    /** Per kind (and data-sharing recipient, recorded session) where the client stands now. */
    status: (p: Principal, clientId: string | undefined, meta: RequestMeta): Promise<{ client_id: string; entries: ConsentStatusEntry[] }> =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { clientId: client, purpose } = await subject(scope, clientId);
        const records = await consentRepository.ofClient(scope.tx, scope.actor.orgId, client);
        const templates = await consentRepository.templatesById(scope.tx, [...new Set(records.map((r) => r.templateId))]);
        const names = await userNames(
          scope.tx,
          fields,
          records.map((r) => r.recipientUserId),
        );
        await recordAudit(scope.tx, scope.actor, { action: 'consent.status_read', resourceType: 'consent', subjectUserId: client, purpose });
        const byId = new Map<string, TemplateRow>(templates.map((t) => [t.id, t]));
        return { client_id: client, entries: toStatus(records, byId, names, new Date()) };
      }),

    /** Every grant and revocation of the client, newest first, a page at a time. */
    history: (p: Principal, q: { client_id?: string | undefined; page: number; per_page: number }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { clientId: client, purpose } = await subject(scope, q.client_id);
        const [rows, total] = await consentRepository.historyPage(scope.tx, scope.actor.orgId, client, q.per_page, (q.page - 1) * q.per_page);
        await recordAudit(scope.tx, scope.actor, {
          action: 'consent.history_read',
          resourceType: 'consent',
          subjectUserId: client,
          purpose,
          details: { page: q.page, count: rows.length },
        });
        const events = await Promise.all(
          rows.map(async (r) => toEvent(r, r.reasonCiphertext ? await fields.open(scope.tx, r.reasonCiphertext, reasonAad(r.id)) : null)),
        );
        return new Paged(events, q.page, q.per_page, total);
      }),

    /** Active data-sharing grants naming me: whose data I may read, which categories, until when. */
    sharedWithMe: (p: Principal, meta: RequestMeta): Promise<SharedWithMeEntry[]> =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor'], async ({ tx, actor }) => {
        const naming = await consentRepository.namingRecipient(tx, actor.orgId, p.userId);
        const revoked = await consentRepository.revokedGrantIds(
          tx,
          naming.map((g) => g.id),
        );
        const now = new Date();
        const active = naming.filter((g) => grantState(g, revoked.has(g.id), now) === 'active');
        const names = await userNames(
          tx,
          fields,
          active.map((g) => g.clientUserId),
        );
        await recordAudit(tx, actor, {
          action: 'consent.shared_with_me_read',
          resourceType: 'consent',
          purpose: 'treatment',
          details: { count: active.length },
        });
        return active.map((g) => ({
          grant_id: g.id,
          client: { id: g.clientUserId, name: names.get(g.clientUserId) ?? '[unavailable]' },
          scope: g.scope as SharedWithMeEntry['scope'],
          granted_at: g.at.toISOString(),
          expires_at: g.expiresAt?.toISOString() ?? null,
        }));
      }),
  };
}
