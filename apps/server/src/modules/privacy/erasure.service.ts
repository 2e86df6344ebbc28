import type { DataCategory, ErasureRequest, LegalHold } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { type Database, systemContext, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { Jobs } from '../../platform/jobs/jobs';
import { clientCaseIds, eraseCasesOf } from '../cases';
import { eraseClinicalRecord, eraseFormsOf } from '../clinical';
import { eraseCrisisOf } from '../crisis';
import { eraseFilesOfCases, purgeBlobsAfterCommit } from '../files';
import { eraseConversationsOf, eraseMessagesOf, eraseParticipationOf } from '../messaging';
import { eraseAppointmentsOf } from '../scheduling';
import { eraseHomeworkOfCases, eraseMoodOf } from '../selfcare';
import { eraseAccount, type RequestMeta } from '../identity';
import { inActiveOrg, orgsRepository, userNames } from '../orgs';
import { type ErasureRow, erasureRepository, type HoldRow } from './erasure.repository';
import { suggestedHolds } from './retention';

export const ERASURE_JOB = 'privacy.erase';
export const HOLD_RELEASE_JOB = 'privacy.release-holds';
const reasonAad = (id: string) => `erasure_request:${id}:reason`;

type Deps = { db: Database; crypto: FieldCrypto; jobs: Jobs };

/** Erasure requests: the client asks, an org admin decides with legal holds, a job erases the rest. */
export function createErasureService(deps: Deps) {
  const { crypto } = deps;

  async function present(tx: Tx, row: ErasureRow, holds: HoldRow[], names: Map<string, string>, withSuggestions: boolean): Promise<ErasureRequest> {
    return {
      id: row.id,
      client: { id: row.clientUserId, name: names.get(row.clientUserId) ?? '[erased]' },
      status: row.status,
      reason: row.reasonCiphertext ? await crypto.open(tx, row.reasonCiphertext, reasonAad(row.id)) : null,
      requested_at: row.requestedAt.toISOString(),
      decided_at: row.decidedAt?.toISOString() ?? null,
      decision_note: row.decisionNote,
      completed_at: row.completedAt?.toISOString() ?? null,
      holds: holds
        .filter((h) => h.requestId === row.id)
        .map((h) => ({ category: h.category, basis: h.basis, reason: h.reason, expires_on: h.expiresOn, released_at: h.releasedAt?.toISOString() ?? null })),
      suggested_holds:
        withSuggestions && row.status === 'requested' ? suggestedHolds((await clientCaseIds(tx, row.orgId, row.clientUserId)).map((c) => c.jurisdiction)) : [],
    };
  }

  /** Erases `categories` of a client's data in an org. Runs in the system context with app.erasure on. */
  async function erase(tx: Tx, orgId: string, clientUserId: string, categories: DataCategory[]): Promise<Record<string, number>> {
    await tx.$client.query(`select set_config('app.erasure', 'on', true)`);
    const done: Record<string, number> = {};
    if (categories.includes('forms') || categories.includes('clinical_record')) done.forms = await eraseFormsOf(tx, orgId, clientUserId);
    if (categories.includes('clinical_record')) {
      const ids = (await clientCaseIds(tx, orgId, clientUserId)).map((c) => c.id);
      await eraseClinicalRecord(tx, ids);
      await eraseHomeworkOfCases(tx, ids);
      const fileBlobs = await eraseFilesOfCases(tx, ids);
      const caseChats = await eraseConversationsOf(tx, ids);
      // Program (and direct) chats belong to everyone in them: only what this person wrote there goes.
      const written = await eraseMessagesOf(tx, orgId, clientUserId);
      done.files = fileBlobs.length;
      done.conversations = caseChats.conversations;
      done.messages = written.messages;
      done.attachments = caseChats.attachmentBlobs.length + written.attachmentBlobs.length;
      // The rows go in this transaction, their sealed blobs only after it commits (a job queued here).
      await purgeBlobsAfterCommit(tx, deps.jobs, [...fileBlobs, ...caseChats.attachmentBlobs, ...written.attachmentBlobs]);
      done.appointments = await eraseAppointmentsOf(tx, orgId, clientUserId);
      await eraseCrisisOf(tx, orgId, clientUserId);
      done.cases = await eraseCasesOf(tx, orgId, clientUserId);
    }
    if (categories.includes('profile')) {
      await orgsRepository.removeMember(tx, orgId, clientUserId);
      done.chat_memberships = await eraseParticipationOf(tx, orgId, clientUserId);
      const elsewhere = await orgsRepository.mine(tx, clientUserId);
      done.account_erased = elsewhere.length === 0 ? 1 : 0;
      if (elsewhere.length === 0) {
        await eraseMoodOf(tx, clientUserId);
        await eraseAccount(tx, crypto, clientUserId);
      }
    }
    await tx.$client.query(`select set_config('app.erasure', '', true)`);
    return done;
  }

  const jobActor = (orgId: string) => ({ userId: null, orgId, requestId: `job-${uuidv7()}`, ip: null });

  return {
    request: (p: Principal, reason: string | undefined, meta: RequestMeta): Promise<ErasureRequest> =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        if ((await erasureRepository.open(tx, actor.orgId, p.userId)).length)
          throw new AppError('PRIVACY.REQUEST_OPEN', 'You already have an erasure request in progress');
        const id = uuidv7();
        await erasureRepository.insert(tx, {
          id,
          orgId: actor.orgId,
          clientUserId: p.userId,
          reasonCiphertext: reason ? await crypto.sealForOrg(tx, actor.orgId, reason, reasonAad(id)) : null,
        });
        await recordAudit(tx, actor, {
          action: 'privacy.erasure_request',
          resourceType: 'erasure_request',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'data_subject_request',
        });
        return present(tx, (await erasureRepository.byId(tx, id)) as ErasureRow, [], await userNames(tx, crypto, [p.userId]), false);
      }),

    list: (p: Principal, meta: RequestMeta): Promise<ErasureRequest[]> =>
      inActiveOrg(deps, p, meta, ['client', 'org_admin'], async ({ tx, actor, role }) => {
        const rows = await erasureRepository.list(tx, actor.orgId);
        const holds = await erasureRepository.holds(
          tx,
          rows.map((r) => r.id),
        );
        const names = await userNames(
          tx,
          crypto,
          rows.map((r) => r.clientUserId),
        );
        await recordAudit(tx, actor, { action: 'privacy.erasure_list', resourceType: 'erasure_request', purpose: 'data_subject_request' });
        return Promise.all(rows.map((r) => present(tx, r, holds, names, role === 'org_admin')));
      }),

    decide: (
      p: Principal,
      id: string,
      body: { decision: 'approve' | 'reject'; note: string; holds: LegalHold[] },
      meta: RequestMeta,
    ): Promise<ErasureRequest> =>
      inActiveOrg(deps, p, meta, ['org_admin'], async ({ tx, actor }) => {
        const row = await erasureRepository.byId(tx, id, true);
        if (!row) throw new AppError('PRIVACY.NOT_FOUND', 'No such erasure request');
        if (row.status !== 'requested') throw new AppError('PRIVACY.ALREADY_DECIDED', `This request was already ${row.status}`);
        const today = new Date().toISOString().slice(0, 10);
        if (body.holds.some((h) => h.expires_on <= today)) throw new AppError('PRIVACY.HOLD_INVALID', 'A legal hold must end in the future');
        if (body.holds.some((h) => h.category === 'forms') && !body.holds.some((h) => h.category === 'clinical_record')) {
          throw new AppError('PRIVACY.HOLD_INVALID', 'Forms belong to the clinical record: holding forms needs a hold on the clinical record too');
        }
        await erasureRepository.update(tx, id, {
          status: body.decision === 'approve' ? 'approved' : 'rejected',
          decidedBy: p.userId,
          decidedAt: new Date(),
          decisionNote: body.note,
        });
        for (const hold of body.holds) {
          await erasureRepository.addHold(tx, {
            id: uuidv7(),
            orgId: row.orgId,
            requestId: id,
            clientUserId: row.clientUserId,
            category: hold.category,
            basis: hold.basis,
            reason: hold.reason,
            expiresOn: hold.expires_on,
            createdBy: p.userId,
          });
        }
        // The erasure itself runs as a job enqueued here: it exists only if this decision commits.
        if (body.decision === 'approve') await deps.jobs.send(tx, ERASURE_JOB, { request_id: id });
        await recordAudit(tx, actor, {
          action: `privacy.erasure_${body.decision}`,
          resourceType: 'erasure_request',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'data_subject_request',
          details: { holds: body.holds.map((h) => ({ category: h.category, expires_on: h.expires_on })) },
        });
        const holds = await erasureRepository.holds(tx, [id]);
        return present(tx, (await erasureRepository.byId(tx, id)) as ErasureRow, holds, await userNames(tx, crypto, [row.clientUserId]), false);
      }),

    /** The erasure job: deletes every category not under a hold, destroys the key when the account goes. */
    execute: (requestId: string): Promise<void> =>
      deps.db.inContext(systemContext, async (tx) => {
        const row = await erasureRepository.byId(tx, requestId, true);
        if (!row || row.status !== 'approved') return; // a retried job must not erase twice
        const held = new Set((await erasureRepository.holds(tx, [requestId])).map((h) => h.category));
        const categories = (['clinical_record', 'forms', 'profile'] as const).filter((c) => !held.has(c));
        const done = await erase(tx, row.orgId, row.clientUserId, categories);
        await erasureRepository.update(tx, requestId, { status: 'completed', completedAt: new Date() });
        await recordAudit(tx, jobActor(row.orgId), {
          action: 'privacy.erasure_completed',
          resourceType: 'erasure_request',
          resourceId: requestId,
          subjectUserId: row.clientUserId,
          purpose: 'data_subject_request',
          details: { erased: categories, held: [...held], counts: done },
        });
      }),

    /** Daily: erases what was held once its hold has expired. */
    releaseExpiredHolds: (today: string = new Date().toISOString().slice(0, 10)): Promise<number> =>
      deps.db.inContext(systemContext, async (tx) => {
        const expired = await erasureRepository.expiredHolds(tx, today);
        for (const hold of expired) {
          const request = await erasureRepository.byId(tx, hold.requestId);
          if (request?.status !== 'completed') continue;
          const categories: DataCategory[] = hold.category === 'clinical_record' ? ['clinical_record', 'forms'] : [hold.category];
          const done = await erase(tx, hold.orgId, hold.clientUserId, categories);
          await erasureRepository.releaseHold(tx, hold.id);
          await recordAudit(tx, jobActor(hold.orgId), {
            action: 'privacy.hold_released',
            resourceType: 'legal_hold',
            resourceId: hold.id,
            subjectUserId: hold.clientUserId,
            purpose: 'data_subject_request',
            details: { category: hold.category, counts: done },
          });
        }
        return expired.length;
      }),
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;
