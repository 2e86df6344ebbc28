import type { OrgRole } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { UserEmitter } from '../../platform/realtime/relay';
import { careTeamOf } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, orgsRepository, type OrgScope, userNames } from '../orgs';
import { type ConversationRow, messagingRepository } from './messaging.repository';

export type ConversationsDeps = { db: Database; crypto: FieldCrypto; relay: UserEmitter };
export type StartConversation = { kind: 'direct'; with_user_id: string } | { kind: 'program'; title: string; participant_ids: string[] };

const STAFF: readonly OrgRole[] = ['specialist', 'co_specialist', 'supervisor', 'org_admin'];
const isStaff = (role: OrgRole | undefined) => role !== undefined && STAFF.includes(role);
export const titleAad = (id: string) => `conversation:${id}:title`;

/** Direct chats between two colleagues and program chats a specialist runs for a group of clients and staff. */
export function createConversationsService(deps: ConversationsDeps) {
  const { crypto } = deps;

  const onlyStaff = (scope: OrgScope) => {
    if (!isStaff(scope.role))
      throw new AppError('MESSAGING.NOT_ALLOWED', 'Clients write to their care team from their case chat; they do not start conversations');
  };
  const nobody = (ids: string[]) =>
    new AppError('MESSAGING.PERSON_NOT_FOUND', 'Someone you chose is not in your practice or not one you can add', { user_ids: ids });

  /** A colleague of the practice, or a client whose case the caller works on; anyone else is not found. */
  async function mayJoin(scope: OrgScope, userId: string): Promise<boolean> {
    const role = await orgsRepository.roleOf(scope.tx, scope.actor.orgId, userId);
    if (isStaff(role)) return true;
    if (role !== 'client') return false;
    return (await careTeamOf(scope.tx, scope.actor.orgId, userId)).includes(scope.actor.userId);
  }

  async function add(scope: OrgScope, conversation: ConversationRow, userIds: string[]) {
    const known = new Set((await messagingRepository.participantsOf(scope.tx, conversation.id)).map((x) => x.userId));
    const fresh = userIds.filter((u) => !known.has(u));
    const refused = [];
    for (const userId of fresh) if (!(await mayJoin(scope, userId))) refused.push(userId);
    if (refused.length) throw nobody(refused);
    if (!fresh.length) return [];
    await messagingRepository.addParticipants(
      scope.tx,
      fresh.map((userId) => ({ conversationId: conversation.id, userId, orgId: conversation.orgId })),
    );
    for (const userId of fresh)
      await recordAudit(scope.tx, scope.actor, {
        action: 'messaging.participant_add',
        resourceType: 'conversation',
        resourceId: conversation.id,
        subjectUserId: userId,
        purpose: 'treatment',
        details: { kind: conversation.kind },
      });
    return fresh;
  }

  async function startDirect(scope: OrgScope, withUserId: string) {
    const me = scope.actor.userId;
    if (withUserId === me)
      throw new AppError('REQUEST.VALIDATION', 'Choose a colleague other than yourself', [{ path: 'with_user_id', message: 'Not yourself' }]);
    if (!isStaff(await orgsRepository.roleOf(scope.tx, scope.actor.orgId, withUserId))) throw nobody([withUserId]);
    const directKey = [me, withUserId].sort().join(':');
    const existing = await messagingRepository.directBetween(scope.tx, scope.actor.orgId, directKey);
    if (existing) return { id: existing.id, created: false };
    const id = uuidv7();
    const row = { id, orgId: scope.actor.orgId, kind: 'direct' as const, directKey, createdBy: me };
    // Two colleagues starting at once: the unique pair index keeps one, the other gets it back.
    if (!(await messagingRepository.insertConversationOnce(scope.tx, row))) {
      const raced = await messagingRepository.directBetween(scope.tx, scope.actor.orgId, directKey);
      if (!raced) throw new AppError('MESSAGING.NOT_FOUND', 'No such conversation');
      return { id: raced.id, created: false };
    }
    await recordAudit(scope.tx, scope.actor, { action: 'messaging.start', resourceType: 'conversation', resourceId: id, details: { kind: 'direct' } });
    await add(scope, { ...row, caseId: null, titleCiphertext: null, createdAt: new Date() }, [me, withUserId]);
    return { id, created: true };
  }

  async function startProgram(scope: OrgScope, title: string, participantIds: string[]) {
    const id = uuidv7();
    const row = {
      id,
      orgId: scope.actor.orgId,
      kind: 'program' as const,
      titleCiphertext: await crypto.sealForOrg(scope.tx, scope.actor.orgId, title, titleAad(id)),
      createdBy: scope.actor.userId,
    };
    await messagingRepository.insertConversation(scope.tx, row);
    await recordAudit(scope.tx, scope.actor, { action: 'messaging.start', resourceType: 'conversation', resourceId: id, details: { kind: 'program' } });
    // The creator first: the rest are checked as people the creator may bring in.
    await messagingRepository.addParticipants(scope.tx, [{ conversationId: id, userId: scope.actor.userId, orgId: scope.actor.orgId }]);
    await add(scope, { ...row, caseId: null, directKey: null, createdAt: new Date() }, participantIds);
    return { id, created: true };
  }

  return {
    start: (p: Principal, input: StartConversation, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        onlyStaff(scope);
        const { id, created } =
          input.kind === 'direct' ? await startDirect(scope, input.with_user_id) : await startProgram(scope, input.title, input.participant_ids);
        return { id, kind: input.kind, created };
      }),

    /** Adds people to a program chat; its creator decides who is in it. */
    addPeople: (p: Principal, conversationId: string, userIds: string[], meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const conversation = await messagingRepository.conversation(scope.tx, conversationId);
        if (!conversation) throw new AppError('MESSAGING.NOT_FOUND', 'No such conversation');
        if (conversation.kind !== 'program' || conversation.createdBy !== p.userId)
          throw new AppError('MESSAGING.NOT_ALLOWED', 'Only whoever started a program chat adds people to it');
        return { added: await add(scope, conversation, userIds) };
      }),

    /**
     * Takes someone out of a program chat (its creator only; the creator stays). They no longer see it, hear
     * its live events or write to it; what they wrote stays in the chat's record (ADR 0022).
     */
    removePerson: async (p: Principal, conversationId: string, userId: string, meta: RequestMeta) => {
      const removed = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const conversation = await messagingRepository.conversation(scope.tx, conversationId);
        if (!conversation) throw new AppError('MESSAGING.NOT_FOUND', 'No such conversation');
        if (conversation.kind !== 'program')
          throw new AppError('MESSAGING.NOT_PROGRAM', 'Only program chats have members to remove; case and direct chats keep their people');
        if (conversation.createdBy !== p.userId)
          throw new AppError('MESSAGING.NOT_ALLOWED', 'Only whoever started a program chat removes people from it; to go yourself, leave the chat');
        if (userId === p.userId) throw new AppError('MESSAGING.CREATOR_STAYS', 'Whoever runs a program chat stays in it');
        if (!(await messagingRepository.removeParticipant(scope.tx, conversationId, userId)))
          throw new AppError('MESSAGING.NOT_A_PARTICIPANT', 'This person is not in the program chat');
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.participant_remove',
          resourceType: 'conversation',
          resourceId: conversationId,
          subjectUserId: userId,
          purpose: 'treatment',
          details: { kind: conversation.kind },
        });
        const stay = (await messagingRepository.participantsOf(scope.tx, conversationId)).map((x) => x.userId);
        return { stay };
      });
      // Committed. Live events go to each participant's own room, so the removed person hears nothing more from
      // this chat; their open pages are told to let go of it, the others to refresh who is in it.
      const event = { conversation_id: conversationId, user_id: userId };
      deps.relay.emitToUser(userId, 'conversation.removed', event);
      for (const other of removed.stay) deps.relay.emitToUser(other, 'conversation.people', event);
      return { removed: userId };
    },

    /**
     * Someone leaves a program chat of their own accord (anyone in it but whoever runs it, ADR 0022 update).
     * Like a removal: they no longer see it or hear its live events, what they wrote stays, the others see the
     * people change. Case and direct chats are not left: their people follow the case and the pair.
     */
    leave: async (p: Principal, conversationId: string, meta: RequestMeta) => {
      const left = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const conversation = await messagingRepository.conversation(scope.tx, conversationId);
        if (!conversation) throw new AppError('MESSAGING.NOT_FOUND', 'No such conversation');
        if (conversation.kind !== 'program')
          throw new AppError('MESSAGING.NOT_PROGRAM', 'Only program chats can be left; case and direct chats keep their people');
        if (conversation.createdBy === p.userId)
          throw new AppError(
            'MESSAGING.CREATOR_STAYS',
            'You run this program chat, so you cannot leave it: without you nobody could add or take people out of it',
          );
        // Who stays is read first: once my row is gone, RLS no longer shows me the chat's people.
        const stay = (await messagingRepository.participantsOf(scope.tx, conversationId)).map((x) => x.userId).filter((u) => u !== p.userId);
        if (!(await messagingRepository.removeParticipant(scope.tx, conversationId, p.userId)))
          throw new AppError('MESSAGING.NOT_FOUND', 'No such conversation');
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.participant_leave',
          resourceType: 'conversation',
          resourceId: conversationId,
          subjectUserId: p.userId,
          purpose: 'treatment',
          details: { kind: conversation.kind },
        });
        return { stay };
      });
      // Committed. As after a removal, new messages no longer reach them (recipients are the participants);
      // their other open pages let go of the chat, the others refresh who is in it.
      const event = { conversation_id: conversationId, user_id: p.userId };
      deps.relay.emitToUser(p.userId, 'conversation.left', event);
      for (const other of left.stay) deps.relay.emitToUser(other, 'conversation.people', event);
      return { left: conversationId };
    },

    /** My conversations with a title to show: the program's, the other colleague's name, or the case's client. */
    mine: (p: Principal, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const rows = await messagingRepository.mine(scope.tx, p.userId);
        const people = await messagingRepository.participantsOfMany(
          scope.tx,
          rows.map((r) => r.conversation.id),
        );
        const names = await userNames(
          scope.tx,
          crypto,
          people.map((x) => x.userId),
        );
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.list',
          resourceType: 'conversation',
          purpose: 'treatment',
          details: { count: rows.length },
        });
        return Promise.all(rows.map((r) => present(scope.tx, r, people, names, p.userId)));
      }),
  };

  async function present(
    tx: Tx,
    r: Awaited<ReturnType<typeof messagingRepository.mine>>[number],
    people: { conversationId: string; userId: string }[],
    names: Map<string, string>,
    me: string,
  ) {
    const c = r.conversation;
    const members = people
      .filter((x) => x.conversationId === c.id && x.userId !== me)
      .map((x) => ({ id: x.userId, name: names.get(x.userId) ?? '[unavailable]' }));
    const title = c.titleCiphertext ? await crypto.open(tx, c.titleCiphertext, titleAad(c.id)) : null;
    return {
      id: c.id,
      kind: c.kind,
      case_id: c.caseId,
      title: title ?? null,
      participants: members,
      unread: r.unread,
      last_read_at: r.lastReadAt?.toISOString() ?? null,
      last_message_at: r.lastMessageAt?.toISOString() ?? null,
    };
  }
}

export type ConversationsService = ReturnType<typeof createConversationsService>;
