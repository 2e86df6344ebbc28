import type { SessionFeedbackDto } from '@tend/contracts';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import type { Database, Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { RequestMeta } from '../identity';
import { inActiveOrg } from '../orgs';
import { schedulingRepository } from './scheduling.repository';
import { type SessionFeedbackRow, sessionFeedbackRepository } from './session-feedback.repository';

const commentAad = (appointmentId: string) => `session_feedback:${appointmentId}:comment`;

export async function toFeedback(tx: Tx, crypto: FieldCrypto, row: SessionFeedbackRow): Promise<SessionFeedbackDto> {
  return {
    session_id: row.appointmentId,
    helpful: row.helpful,
    heard: row.heard,
    comment: row.commentCiphertext ? ((await crypto.open(tx, row.commentCiphertext, commentAad(row.appointmentId))) ?? '[erased]') : null,
    created_at: row.createdAt.toISOString(),
  };
}

/** The session's feedback for its specialist's pages, or null; the caller audits the read. */
export async function feedbackOfSession(tx: Tx, crypto: FieldCrypto, appointmentId: string): Promise<SessionFeedbackDto | null> {
  const row = await sessionFeedbackRepository.ofSession(tx, appointmentId);
  return row ? toFeedback(tx, crypto, row) : null;
}

/** Every feedback given on a case's sessions, newest first; the caller checks case access and audits. */
export async function feedbackOfCase(tx: Tx, crypto: FieldCrypto, caseId: string): Promise<SessionFeedbackDto[]> {
  return Promise.all((await sessionFeedbackRepository.ofCase(tx, caseId)).map((r) => toFeedback(tx, crypto, r)));
}

/** The client's short feedback after a session ended: once per session, read by the client and the session's specialist. */
export function createSessionFeedbackService(deps: { db: Database; crypto: FieldCrypto }) {
  return {
    give: (p: Principal, id: string, body: { helpful: number; heard: number; comment?: string | undefined }, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async ({ tx, actor }) => {
        const row = await schedulingRepository.appointment(tx, id, true);
        if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
        if (row.clientUserId !== p.userId) throw new AppError('SESSION.NOT_ALLOWED', 'Only the client of this session gives feedback on it');
        if (row.status !== 'completed') throw new AppError('SESSION.NOT_ENDED', 'Feedback opens when the session has ended');
        if (await sessionFeedbackRepository.ofSession(tx, id)) throw new AppError('SESSION.FEEDBACK_GIVEN', 'You have already given feedback on this session');
        await sessionFeedbackRepository.insert(tx, {
          appointmentId: id,
          orgId: row.orgId,
          clientUserId: p.userId,
          caseId: row.caseId,
          helpful: body.helpful,
          heard: body.heard,
          commentCiphertext: body.comment ? await deps.crypto.sealForOrg(tx, row.orgId, body.comment, commentAad(id)) : null,
        });
        await recordAudit(tx, actor, {
          action: 'session.feedback_give',
          resourceType: 'session_feedback',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'treatment',
        });
        return toFeedback(tx, deps.crypto, (await sessionFeedbackRepository.ofSession(tx, id)) as SessionFeedbackRow);
      }),

    /** The client's own feedback, or the specialist reading it (audited); null while none was given. */
    read: (p: Principal, id: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async ({ tx, actor }) => {
        const row = await schedulingRepository.appointment(tx, id);
        if (!row) throw new AppError('SCHEDULING.APPOINTMENT_NOT_FOUND', 'No such session');
        if (row.clientUserId !== p.userId && row.specialistUserId !== p.userId)
          throw new AppError('SESSION.NOT_ALLOWED', 'Only the client and the specialist of this session see its feedback');
        const feedback = await feedbackOfSession(tx, deps.crypto, id);
        await recordAudit(tx, actor, {
          action: 'session.feedback_read',
          resourceType: 'session_feedback',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'treatment',
        });
        return { status: row.status, feedback };
      }),
  };
}

export type SessionFeedbackService = ReturnType<typeof createSessionFeedbackService>;
