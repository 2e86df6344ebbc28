import type { LogMoodBody, MoodEntry } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { requireConsent } from '../consent';
import { contextOf, type RequestMeta } from '../identity';
import { inActiveOrg } from '../orgs';
import { type MoodRow, moodRepository } from './mood.repository';

const noteAad = (id: string) => `mood:${id}:note`;

/** The mood log: the owner's own, shared with a specialist only by consent. */
export function createMoodService(deps: { db: Database; crypto: FieldCrypto }) {
  const present = async (tx: Tx, r: MoodRow): Promise<MoodEntry> => ({
    id: r.id,
    score: r.score,
    note: r.noteCiphertext ? ((await deps.crypto.open(tx, r.noteCiphertext, noteAad(r.id))) ?? '[erased]') : null,
    at: r.at.toISOString(),
  });

  return {
    log: (p: Principal, body: LogMoodBody): Promise<MoodEntry> =>
      deps.db.inContext(contextOf(p), async (tx) => {
        const id = uuidv7();
        const at = new Date();
        await moodRepository.insert(tx, {
          id,
          ownerUserId: p.userId,
          score: body.score,
          noteCiphertext: body.note ? await deps.crypto.sealForUser(tx, p.userId, body.note, noteAad(id)) : null,
          at,
        });
        return { id, score: body.score, note: body.note ?? null, at: at.toISOString() };
      }),

    mine: (p: Principal, from: string, to: string): Promise<MoodEntry[]> =>
      deps.db.inContext(contextOf(p), async (tx) =>
        Promise.all((await moodRepository.ofOwner(tx, p.userId, new Date(from), new Date(to))).map((r) => present(tx, r))),
      ),

    /** A client's mood log for a specialist they share it with; consent is checked again in this transaction. */
    ofClient: (p: Principal, clientId: string, from: string, to: string, meta: RequestMeta): Promise<MoodEntry[]> =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor'], async ({ tx, actor }) => {
        const grantId = await requireConsent(tx, { orgId: actor.orgId, clientUserId: clientId, actorUserId: p.userId, kind: 'data_sharing', category: 'mood' });
        const rows = await moodRepository.ofOwner(tx, clientId, new Date(from), new Date(to));
        await recordAudit(tx, actor, {
          action: 'selfcare.mood_read',
          resourceType: 'mood_log',
          resourceId: clientId,
          subjectUserId: clientId,
          purpose: 'treatment',
          details: { consent: grantId, count: rows.length },
        });
        return Promise.all(rows.map((r) => present(tx, r)));
      }),
  };
}

export type MoodService = ReturnType<typeof createMoodService>;
