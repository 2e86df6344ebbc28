import { classifyRisk, crisisLinesFor } from '@tend/contracts';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import { AppError } from '../../platform/http/app-error';
import type { UserEmitter } from '../../platform/realtime/relay';
import { careTeamOf, type CasesService, clientCaseIds, clientCaseWith } from '../cases';
import type { RiskFlagsService } from '../crisis';
import type { AttachmentDto, AttachmentsService } from '../files';
import type { RequestMeta } from '../identity';
import { inActiveOrg, type OrgScope, userNames } from '../orgs';
import { titleAad } from './conversations.service';
import { type ConversationRow, type MessageRow, messagingRepository } from './messaging.repository';
import { OFFLINE_NOTICE_QUEUE, type OfflineNotice } from './offline-notice';

export type MessagingDeps = {
  db: Database;
  crypto: FieldCrypto;
  relay: UserEmitter;
  cases: CasesService;
  flags: RiskFlagsService;
  jobs: Jobs;
  logger: Logger;
  attachments: AttachmentsService;
};
const bodyAad = (id: string) => `message:${id}`;

/** Case chat: the client and their care team. Stored (encrypted) before anyone is told; client text is checked for risk. */
export function createMessagingService(deps: MessagingDeps) {
  const { crypto } = deps;
  const present = async (tx: Tx, m: MessageRow, names: Map<string, string>, files: Map<string, AttachmentDto[]>) => ({
    id: m.id,
    conversation_id: m.conversationId,
    sender: { id: m.senderUserId, name: names.get(m.senderUserId) ?? '[unavailable]' },
    body: (await crypto.open(tx, m.bodyCiphertext, bodyAad(m.id))) ?? '[erased]',
    attachments: files.get(m.id) ?? [],
    created_at: m.createdAt.toISOString(),
  });

  async function caseOfSender(tx: Tx, conversation: ConversationRow, clientUserId: string) {
    if (conversation.caseId) return (await clientCaseIds(tx, conversation.orgId, clientUserId)).find((c) => c.id === conversation.caseId);
    if (conversation.kind === 'program') return clientCaseWith(tx, conversation.orgId, clientUserId, conversation.createdBy);
    return undefined;
  }

  async function member(scope: OrgScope, conversationId: string) {
    const conversation = await messagingRepository.conversation(scope.tx, conversationId);
    if (!conversation) throw new AppError('MESSAGING.NOT_FOUND', 'No such conversation');
    return conversation;
  }

  return {
    /** Opens (or returns) the chat of a case; its participants are the client and the care team. */
    openForCase: (p: Principal, caseId: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const { row } = await deps.cases.load(scope, caseId, 'read');
        const existing = await messagingRepository.caseConversation(scope.tx, row.id);
        if (existing) return { id: existing.id, case_id: row.id };
        if (scope.role !== 'client' && scope.actor.userId !== row.specialistUserId) {
          throw new AppError('MESSAGING.NOT_ALLOWED', 'The client or the lead specialist opens the case chat');
        }
        const id = uuidv7();
        // Someone else may be opening it this very moment: the unique index lets one of us create it.
        if (!(await messagingRepository.insertConversationOnce(scope.tx, { id, orgId: row.orgId, kind: 'case', caseId: row.id, createdBy: p.userId }))) {
          const opened = await messagingRepository.caseConversation(scope.tx, row.id);
          if (opened) return { id: opened.id, case_id: row.id };
        }
        const team = new Set([row.clientUserId, row.specialistUserId, ...(await careTeamOf(scope.tx, row.orgId, row.clientUserId))]);
        await messagingRepository.addParticipants(
          scope.tx,
          [...team].map((userId) => ({ conversationId: id, userId, orgId: row.orgId })),
        );
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.open',
          resourceType: 'conversation',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
        });
        return { id, case_id: row.id };
      }),

    /** One conversation and its people, with how far each has read (for "Seen"). */
    get: (p: Principal, conversationId: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        const conversation = await member(scope, conversationId);
        const people = await messagingRepository.participantsOf(scope.tx, conversationId);
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.participants.read',
          resourceType: 'conversation',
          resourceId: conversationId,
          purpose: 'treatment',
        });
        const names = await userNames(
          scope.tx,
          crypto,
          people.map((x) => x.userId),
        );
        return {
          id: conversation.id,
          kind: conversation.kind,
          case_id: conversation.caseId,
          created_by: conversation.createdBy,
          title: conversation.titleCiphertext ? await crypto.open(scope.tx, conversation.titleCiphertext, titleAad(conversation.id)) : null,
          participants: people.map((x) => ({ id: x.userId, name: names.get(x.userId) ?? '[unavailable]', last_read_at: x.lastReadAt?.toISOString() ?? null })),
        };
      }),

    history: (p: Principal, conversationId: string, before: string | undefined, limit: number, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async (scope) => {
        await member(scope, conversationId);
        const rows = await messagingRepository.page(scope.tx, conversationId, before ? new Date(before) : null, limit);
        const names = await userNames(
          scope.tx,
          crypto,
          rows.map((r) => r.senderUserId),
        );
        await recordAudit(scope.tx, scope.actor, {
          action: 'messaging.read',
          resourceType: 'conversation',
          resourceId: conversationId,
          purpose: 'treatment',
          details: { count: rows.length },
        });
        const files = await deps.attachments.ofMessages(
          scope.tx,
          rows.map((r) => r.id),
        );
        return Promise.all(rows.map((r) => present(scope.tx, r, names, files)));
      }),

    send: async (p: Principal, conversationId: string, body: string, attachmentIds: string[], meta: RequestMeta) => {
      const sent = await inActiveOrg(deps, p, meta, null, async (scope) => {
        const conversation = await member(scope, conversationId);
        const id = uuidv7();
        const risk = scope.role === 'client' && body ? classifyRisk(body) : null;
        // A client's words in a program chat belong to their case with the specialist running it; with none,
        // the flag has no case and goes the crisis module's on-call way (the client's care team, else the crisis contacts).
        const flagCase = risk ? await caseOfSender(scope.tx, conversation, p.userId) : undefined;
        await messagingRepository.insertMessage(scope.tx, {
          id,
          orgId: conversation.orgId,
          conversationId,
          senderUserId: p.userId,
          bodyCiphertext: await crypto.sealForOrg(scope.tx, conversation.orgId, body, bodyAad(id)),
          riskLevel: risk?.level ?? 'none',
        });
        await deps.attachments.bind(scope.tx, attachmentIds, conversationId, id, p.userId);
        const flagId = risk
          ? await deps.flags.record(scope.tx, {
              orgId: conversation.orgId,
              clientUserId: p.userId,
              caseId: flagCase?.id ?? null,
              messageId: id,
              level: risk.level,
              matched: risk.matched,
            })
          : null;
        const recipients = (await messagingRepository.participantsOf(scope.tx, conversationId)).map((x) => x.userId).filter((u) => u !== p.userId);
        const notice: OfflineNotice = { conversation_id: conversationId, org_id: conversation.orgId, case_id: conversation.caseId, recipients };
        if (recipients.length) await deps.jobs.send(scope.tx, OFFLINE_NOTICE_QUEUE, notice);
        const message = {
          id,
          conversation_id: conversationId,
          sender: { id: p.userId, name: (await userNames(scope.tx, crypto, [p.userId])).get(p.userId) ?? '' },
          body,
          attachments: attachmentIds.length ? ((await deps.attachments.ofMessages(scope.tx, [id])).get(id) ?? []) : [],
          created_at: new Date().toISOString(),
        };
        return { message, recipients, flagId, risk: risk?.level ?? 'none', jurisdiction: flagCase?.jurisdiction ?? '' };
      });
      // Committed: now tell the others, and the care team about any risk.
      for (const userId of sent.recipients) deps.relay.emitToUser(userId, 'message', sent.message);
      // The flag is already stored with the message; a failed dispatch is logged, and the flag stays open on the caseload.
      if (sent.flagId)
        await deps.flags.dispatch(sent.flagId).catch((error: unknown) => deps.logger.error({ err: error, flag: sent.flagId }, 'risk flag dispatch failed'));
      const showSupport = sent.risk === 'moderate' || sent.risk === 'high' || sent.risk === 'crisis';
      // The client is never blocked: they get support resources for where their case is.
      const lines = crisisLinesFor(sent.jurisdiction);
      return { ...sent.message, support: showSupport ? { ...lines, lines: [...lines.lines] } : null };
    },

    read: async (p: Principal, conversationId: string, meta: RequestMeta) => {
      const at = new Date();
      const others = await inActiveOrg(deps, p, meta, null, async (scope) => {
        await member(scope, conversationId);
        await messagingRepository.markRead(scope.tx, conversationId, p.userId, at);
        return (await messagingRepository.participantsOf(scope.tx, conversationId)).map((x) => x.userId).filter((u) => u !== p.userId);
      });
      for (const userId of others) deps.relay.emitToUser(userId, 'message.read', { conversation_id: conversationId, user_id: p.userId, at: at.toISOString() });
      return { ok: true as const };
    },
  };
}

export type MessagingService = ReturnType<typeof createMessagingService>;
