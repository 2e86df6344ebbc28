import type { TextRiskLevel } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import { systemContext, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import { careTeamOf } from '../cases';
import type { RequestMeta } from '../identity';
import { inActiveOrg, orgsRepository, userNames } from '../orgs';
import { type CrisisDeps, crisisContactsOf, ESCALATION_JOB } from './alerts.service';
import { crisisRepository, type FlagRow } from './crisis.repository';
export type RiskSignal = { orgId: string; clientUserId: string; caseId: string | null; messageId: string; level: TextRiskLevel; matched: string[] };
const noteAad = (id: string) => `risk_flag:${id}:note`;

/**
 * Risk flags from text. `record` runs inside the message's own transaction (the flag exists if and only
 * if the message does); `dispatch` runs right after commit and tells the care team, and for high and
 * crisis levels opens an alert that escalates like an SOS.
 */
export function createRiskFlagsService(deps: CrisisDeps) {
  const present = async (tx: Tx, r: FlagRow) => ({
    id: r.id,
    client: { id: r.clientUserId, name: (await userNames(tx, deps.crypto, [r.clientUserId])).get(r.clientUserId) ?? '[unavailable]' },
    case_id: r.caseId,
    source: r.source,
    source_id: r.sourceId,
    level: r.level,
    matched: r.matched,
    status: r.status,
    created_at: r.createdAt.toISOString(),
    acknowledged_at: r.acknowledgedAt?.toISOString() ?? null,
    resolved_at: r.resolvedAt?.toISOString() ?? null,
    note: r.noteCiphertext ? await deps.crypto.open(tx, r.noteCiphertext, noteAad(r.id)) : null,
  });

  return {
    async record(tx: Tx, s: RiskSignal): Promise<string | null> {
      if (s.level !== 'moderate' && s.level !== 'high' && s.level !== 'crisis') return null;
      const id = uuidv7();
      await crisisRepository.insertFlag(tx, {
        id,
        orgId: s.orgId,
        clientUserId: s.clientUserId,
        caseId: s.caseId,
        source: 'message',
        sourceId: s.messageId,
        level: s.level,
        matched: s.matched,
      });
      return id;
    },

    dispatch: (flagId: string): Promise<void> =>
      deps.db.inContext(systemContext, async (tx) => {
        const flag = await crisisRepository.flag(tx, flagId);
        if (!flag) return;
        // Like an SOS: the client's care team, or with none (a program chat with no case), the crisis contacts.
        const careTeam = await careTeamOf(tx, flag.orgId, flag.clientUserId);
        const team = careTeam.length ? careTeam : await crisisContactsOf(tx, flag.orgId);
        const urgent = flag.level !== 'moderate';
        for (const userId of team) {
          await deps.notifications.notify(tx, {
            userId,
            orgId: flag.orgId,
            kind: 'risk.flag',
            title: urgent
              ? { uk: 'Ризик у повідомленні клієнта', en: 'Risk in a client message' }
              : { uk: 'Можливий ризик у повідомленні клієнта', en: 'Possible risk in a client message' },
            link: flag.caseId ? `/cases/${flag.caseId}` : '/crisis/flags',
            data: { flag_id: flag.id, level: flag.level, message_id: flag.sourceId, ...(flag.caseId ? { case_id: flag.caseId } : {}) },
            urgent,
          });
        }
        if (!urgent) return;
        const alertId = uuidv7();
        await crisisRepository.insertAlert(tx, { id: alertId, orgId: flag.orgId, clientUserId: flag.clientUserId, kind: 'risk_message', jurisdiction: null });
        await crisisRepository.log(tx, {
          id: uuidv7(),
          orgId: flag.orgId,
          alertId,
          step: 'created',
          channel: 'message',
          detail: `risk flag ${flag.id} (${flag.level})`,
        });
        for (const userId of team)
          await crisisRepository.log(tx, { id: uuidv7(), orgId: flag.orgId, alertId, step: 'notified', channel: 'in_app', recipientUserId: userId });
        const org = await orgsRepository.byId(tx, flag.orgId);
        await deps.jobs.send(tx, ESCALATION_JOB, { alert_id: alertId }, { startAfter: (org?.crisisEscalationMinutes ?? 5) * 60 });
        await recordAudit(
          tx,
          { userId: null, orgId: flag.orgId, requestId: `risk-${flag.id}`, ip: null },
          {
            action: 'crisis.risk_alert',
            resourceType: 'crisis_alert',
            resourceId: alertId,
            subjectUserId: flag.clientUserId,
            purpose: 'safety',
            details: { flag: flag.id, level: flag.level },
          },
        );
      }),

    list: (p: Principal, open: boolean, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor', 'org_admin'], async ({ tx, actor }) => {
        const rows = await crisisRepository.flags(tx, actor.orgId, open ? ['open', 'acknowledged'] : ['open', 'acknowledged', 'resolved']);
        await recordAudit(tx, actor, { action: 'risk_flag.list', resourceType: 'risk_flag', purpose: 'safety', details: { count: rows.length } });
        return Promise.all(rows.map((r) => present(tx, r)));
      }),

    act: (p: Principal, id: string, action: 'acknowledge' | 'resolve', note: string | undefined, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['specialist', 'co_specialist', 'supervisor', 'org_admin'], async ({ tx, actor }) => {
        const row = await crisisRepository.flag(tx, id, true);
        if (!row) throw new AppError('CRISIS.FLAG_NOT_FOUND', 'No such risk flag');
        if (row.status === 'resolved') throw new AppError('CRISIS.ALERT_CLOSED', 'This flag is already resolved');
        if (action === 'resolve' && !note)
          throw new AppError('REQUEST.VALIDATION', 'Say how the flag was resolved', [{ path: 'note', message: 'Required to resolve' }]);
        const now = new Date();
        await crisisRepository.updateFlag(tx, id, {
          ...(action === 'acknowledge'
            ? { status: 'acknowledged' as const, acknowledgedAt: now, acknowledgedBy: p.userId }
            : {
                status: 'resolved' as const,
                resolvedAt: now,
                resolvedBy: p.userId,
                ...(row.acknowledgedAt ? {} : { acknowledgedAt: now, acknowledgedBy: p.userId }),
              }),
          ...(note ? { noteCiphertext: await deps.crypto.sealForOrg(tx, row.orgId, note, noteAad(id)) } : {}),
        });
        await recordAudit(tx, actor, {
          action: `risk_flag.${action}`,
          resourceType: 'risk_flag',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'safety',
        });
        return present(tx, (await crisisRepository.flag(tx, id)) as FlagRow);
      }),
  };
}

export type RiskFlagsService = ReturnType<typeof createRiskFlagsService>;
