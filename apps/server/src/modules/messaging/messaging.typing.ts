import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database } from '../../platform/db/database';
import type { UserEmitter } from '../../platform/realtime/relay';
import { inActiveOrg, userNames } from '../orgs';
import { messagingRepository } from './messaging.repository';

export type TypingDeps = { db: Database; crypto: FieldCrypto; relay: UserEmitter; clock?: () => number };

/** A sender is relayed at most once per this many milliseconds per conversation; clients repeat while typing. */
export const TYPING_THROTTLE_MS = 2000;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * "… is typing": an ephemeral Socket.IO event, never stored. The sender must be a participant of the
 * conversation in their active org (RLS answers that); only the other participants hear it.
 */
export function createTypingRelay(deps: TypingDeps) {
  const now = deps.clock ?? Date.now;
  const lastRelayed = new Map<string, number>();

  function throttled(key: string): boolean {
    const at = now();
    const last = lastRelayed.get(key);
    if (last !== undefined && at - last < TYPING_THROTTLE_MS) return true;
    lastRelayed.set(key, at);
    // Forget stale entries so the map stays the size of who is typing now.
    if (lastRelayed.size > 10_000) for (const [k, t] of lastRelayed) if (at - t >= TYPING_THROTTLE_MS) lastRelayed.delete(k);
    return false;
  }

  return async function typing(p: Principal, payload: unknown): Promise<void> {
    const conversationId = (payload as { conversation_id?: unknown } | null)?.conversation_id;
    if (typeof conversationId !== 'string' || !uuid.test(conversationId)) return;
    if (throttled(`${p.userId}:${conversationId}`)) return;
    // The membership is re-checked (a person removed from the practice hears nothing); RLS shows the
    // participants only to a participant. Nothing is audited: no clinical content moves.
    const meta = { requestId: `typing-${p.userId}`, ip: '', userAgent: null };
    const relayed = await inActiveOrg(deps, p, meta, null, async ({ tx }) => {
      const people = (await messagingRepository.participantsOf(tx, conversationId)).map((x) => x.userId);
      if (!people.includes(p.userId)) return null;
      const name = (await userNames(tx, deps.crypto, [p.userId])).get(p.userId) ?? '';
      return { others: people.filter((u) => u !== p.userId), name };
    });
    if (!relayed) return;
    const event = { conversation_id: conversationId, user_id: p.userId, name: relayed.name };
    for (const userId of relayed.others) deps.relay.emitToUser(userId, 'chat.typing', event);
  };
}
