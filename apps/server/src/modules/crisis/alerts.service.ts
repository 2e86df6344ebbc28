import { crisisLinesFor, type CrisisAlert } from '@tend/contracts';
import type { Logger } from 'pino';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { Mailer } from '../../platform/channels/mailer';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { type Database, systemContext, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { Jobs } from '../../platform/jobs/jobs';
import { careTeamOf } from '../cases';
import { type RequestMeta, userAad, usersRepository } from '../identity';
import type { NotificationsService } from '../notifications';
import { inActiveOrg, orgsRepository, userNames } from '../orgs';
import { type AlertRow, crisisRepository } from './crisis.repository';
import type { SafetyPlansService } from './safety-plans.service';

export const ESCALATION_JOB = 'crisis.escalate';
export type CrisisDeps = {
  db: Database;
  crypto: FieldCrypto;
  jobs: Jobs;
  mailer: Mailer;
  notifications: NotificationsService;
  publicUrl: string;
  logger: Logger;
};
const noteAad = (id: string) => `crisis_alert:${id}:note`;

/** The practice's crisis contacts: its admins and supervisors, who hear when no one on a client's care team can. */
export async function crisisContactsOf(tx: Tx, orgId: string): Promise<string[]> {
  return (await orgsRepository.members(tx, orgId)).filter((m) => m.membership.role === 'org_admin' || m.membership.role === 'supervisor').map((m) => m.user.id);
}

/**
 * The SOS path. The client always gets crisis lines and their safety plan back, whatever else fails.
 * The alert is stored, then pushed at once to the client's care team in the app and by email; if no one
 * acknowledges it within the practice's window, a job escalates it to the practice's admins and
 * supervisors. Nothing here depends on an external service.
 */
export function createAlertsService(deps: CrisisDeps, plans: SafetyPlansService) {
  const { crypto } = deps;

  async function present(tx: Tx, row: AlertRow, withLog: boolean): Promise<CrisisAlert> {
    const names = await userNames(tx, crypto, [row.clientUserId]);
    const log = withLog ? await crisisRepository.logOf(tx, row.id) : undefined;
    return {
      id: row.id,
      client: { id: row.clientUserId, name: names.get(row.clientUserId) ?? '[unavailable]' },
      kind: row.kind,
      status: row.status,
      jurisdiction: row.jurisdiction,
      note: row.noteCiphertext ? await crypto.open(tx, row.noteCiphertext, noteAad(row.id)) : null,
      created_at: row.createdAt.toISOString(),
      acknowledged_at: row.acknowledgedAt?.toISOString() ?? null,
      acknowledged_by: row.acknowledgedBy,
      escalated_at: row.escalatedAt?.toISOString() ?? null,
      resolved_at: row.resolvedAt?.toISOString() ?? null,
      ...(log ? { log: log.map((l) => ({ step: l.step, channel: l.channel, recipient: l.recipientUserId, detail: l.detail, at: l.at.toISOString() })) } : {}),
    };
  }

  /** In-app at once, email through the outbox, SMS and push by the person's channels; every step goes into the log. */
  async function notify(tx: Tx, alert: AlertRow, recipients: string[], why: 'sos' | 'escalation'): Promise<number> {
    const org = await orgsRepository.byId(tx, alert.orgId);
    for (const userId of recipients) {
      await deps.notifications.notify(tx, {
        userId,
        orgId: alert.orgId,
        kind: 'crisis.alert',
        title:
          why === 'sos'
            ? { uk: 'SOS: клієнт просить допомоги', en: 'SOS: a client needs help now' }
            : { uk: 'SOS без відповіді: потрібна ваша дія', en: 'Unanswered SOS: you are needed' },
        link: `/crisis/alerts/${alert.id}`,
        data: { alert_id: alert.id, reason: why },
        urgent: true,
        // Email goes below with its own entry in the escalation log; SMS and push by the delivery log.
        channels: ['sms', 'push'],
      });
      await crisisRepository.log(tx, {
        id: uuidv7(),
        orgId: alert.orgId,
        alertId: alert.id,
        step: why === 'sos' ? 'notified' : 'escalated',
        channel: 'in_app',
        recipientUserId: userId,
      });
      try {
        const user = await usersRepository.byId(tx, userId);
        const email = user ? await crypto.open(tx, user.emailCiphertext, userAad(user.id, 'email')) : null;
        if (!user || !email) throw new Error('no email address');
        const link = `${deps.publicUrl}/crisis/alerts/${alert.id}`;
        const uk = user.locale === 'uk';
        await deps.mailer.enqueue(tx, {
          orgId: alert.orgId,
          to: email,
          subject: uk ? `ТЕРМІНОВО: SOS від клієнта (${org?.name ?? 'Tend'})` : `URGENT: a client pressed SOS (${org?.name ?? 'Tend'})`,
          text: uk
            ? `Клієнт натиснув SOS. Відкрийте сповіщення і підтвердіть, що ви на зв’язку:\n${link}`
            : `A client pressed SOS. Open the alert and acknowledge that you are on it:\n${link}`,
          template: 'crisis_alert',
        });
        await crisisRepository.log(tx, {
          id: uuidv7(),
          orgId: alert.orgId,
          alertId: alert.id,
          step: why === 'sos' ? 'notified' : 'escalated',
          channel: 'email',
          recipientUserId: userId,
        });
      } catch (error) {
        await crisisRepository.log(tx, {
          id: uuidv7(),
          orgId: alert.orgId,
          alertId: alert.id,
          step: 'delivery_failed',
          channel: 'email',
          recipientUserId: userId,
          detail: String(error).slice(0, 200),
        });
      }
    }
    return recipients.length;
  }

  /** Runs in the system context right after the SOS commits: finds who looks after the client now. */
  async function dispatch(alertId: string): Promise<number> {
    return deps.db.inContext(systemContext, async (tx) => {
      const alert = await crisisRepository.alert(tx, alertId);
      if (!alert) return 0;
      const team = await careTeamOf(tx, alert.orgId, alert.clientUserId);
      // Nobody on call: go straight to the practice's crisis contacts.
      return team.length ? notify(tx, alert, team, 'sos') : notify(tx, alert, await crisisContactsOf(tx, alert.orgId), 'escalation');
    });
  }

  const staffOnly = ['specialist', 'co_specialist', 'supervisor', 'org_admin'] as const;

  return {
    sos: async (p: Principal, input: { jurisdiction?: string | undefined; note?: string | undefined }, meta: RequestMeta) => {
      const resources = crisisLinesFor(input.jurisdiction ?? '');
      let alertId: string | null = null;
      let notified = 0;
      let safetyPlan = null;
      try {
        if (p.orgId) {
          const created = await inActiveOrg(deps, p, meta, null, async ({ tx, actor }) => {
            const org = await orgsRepository.byId(tx, actor.orgId);
            const id = uuidv7();
            await crisisRepository.insertAlert(tx, {
              id,
              orgId: actor.orgId,
              clientUserId: p.userId,
              kind: 'sos',
              jurisdiction: resources.jurisdiction,
              noteCiphertext: input.note ? await crypto.sealForOrg(tx, actor.orgId, input.note, noteAad(id)) : null,
            });
            await crisisRepository.log(tx, {
              id: uuidv7(),
              orgId: actor.orgId,
              alertId: id,
              step: 'created',
              channel: 'app',
              recipientUserId: null,
              detail: `jurisdiction ${resources.jurisdiction}${resources.fallback ? ' (fallback)' : ''}`,
            });
            await deps.jobs.send(tx, ESCALATION_JOB, { alert_id: id }, { startAfter: (org?.crisisEscalationMinutes ?? 5) * 60 });
            await recordAudit(tx, actor, { action: 'crisis.sos', resourceType: 'crisis_alert', resourceId: id, subjectUserId: p.userId, purpose: 'safety' });
            return { id, plan: await plans.currentFor(tx, actor.orgId, p.userId) };
          });
          alertId = created.id;
          safetyPlan = created.plan;
          notified = await dispatch(created.id);
        }
      } catch (error) {
        // The client still sees crisis lines; the failure is logged for the practice to see.
        deps.logger.error({ err: error, alertId }, 'SOS could not be stored or dispatched');
      }
      return { alert_id: alertId, resources: { ...resources, lines: [...resources.lines] }, safety_plan: safetyPlan, notified };
    },

    list: (p: Principal, open: boolean, meta: RequestMeta): Promise<CrisisAlert[]> =>
      inActiveOrg(deps, p, meta, staffOnly, async ({ tx, actor }) => {
        const rows = await crisisRepository.alerts(
          tx,
          actor.orgId,
          open ? ['open', 'acknowledged', 'escalated'] : ['open', 'acknowledged', 'escalated', 'resolved'],
        );
        return Promise.all(rows.map((r) => present(tx, r, false)));
      }),

    get: (p: Principal, id: string, meta: RequestMeta): Promise<CrisisAlert> =>
      inActiveOrg(deps, p, meta, null, async ({ tx, actor }) => {
        const row = await crisisRepository.alert(tx, id);
        if (!row) throw new AppError('CRISIS.ALERT_NOT_FOUND', 'No such alert');
        await recordAudit(tx, actor, {
          action: 'crisis.alert_read',
          resourceType: 'crisis_alert',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'safety',
        });
        return present(tx, row, true);
      }),

    acknowledge: (p: Principal, id: string, note: string | undefined, meta: RequestMeta): Promise<CrisisAlert> =>
      inActiveOrg(deps, p, meta, staffOnly, async ({ tx, actor }) => {
        const row = await crisisRepository.alert(tx, id);
        if (!row) throw new AppError('CRISIS.ALERT_NOT_FOUND', 'No such alert');
        if (row.status === 'resolved') throw new AppError('CRISIS.ALERT_CLOSED', 'This alert is already resolved');
        await crisisRepository.alert(tx, id, true);
        if (!row.acknowledgedAt) await crisisRepository.updateAlert(tx, id, { status: 'acknowledged', acknowledgedAt: new Date(), acknowledgedBy: p.userId });
        await crisisRepository.log(tx, { id: uuidv7(), orgId: row.orgId, alertId: id, step: 'acknowledged', recipientUserId: p.userId, detail: note ?? null });
        await recordAudit(tx, actor, {
          action: 'crisis.acknowledge',
          resourceType: 'crisis_alert',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'safety',
        });
        return present(tx, (await crisisRepository.alert(tx, id)) as AlertRow, true);
      }),

    resolve: (p: Principal, id: string, note: string | undefined, meta: RequestMeta): Promise<CrisisAlert> =>
      inActiveOrg(deps, p, meta, staffOnly, async ({ tx, actor }) => {
        const row = await crisisRepository.alert(tx, id);
        if (!row) throw new AppError('CRISIS.ALERT_NOT_FOUND', 'No such alert');
        if (row.status === 'resolved') throw new AppError('CRISIS.ALERT_CLOSED', 'This alert is already resolved');
        await crisisRepository.alert(tx, id, true);
        await crisisRepository.updateAlert(tx, id, {
          status: 'resolved',
          resolvedAt: new Date(),
          resolvedBy: p.userId,
          ...(row.acknowledgedAt ? {} : { acknowledgedAt: new Date(), acknowledgedBy: p.userId }),
        });
        await crisisRepository.log(tx, { id: uuidv7(), orgId: row.orgId, alertId: id, step: 'resolved', recipientUserId: p.userId, detail: note ?? null });
        await recordAudit(tx, actor, {
          action: 'crisis.resolve',
          resourceType: 'crisis_alert',
          resourceId: id,
          subjectUserId: row.clientUserId,
          purpose: 'safety',
        });
        return present(tx, (await crisisRepository.alert(tx, id)) as AlertRow, true);
      }),

    /** The escalation job: an alert nobody acknowledged in time goes to the practice's crisis contacts. */
    escalate: (alertId: string): Promise<boolean> =>
      deps.db.inContext(systemContext, async (tx) => {
        const [alert] = await crisisRepository.unacknowledged(tx, alertId);
        if (!alert) return false;
        await crisisRepository.updateAlert(tx, alertId, { status: 'escalated', escalatedAt: new Date() });
        await notify(tx, alert, await crisisContactsOf(tx, alert.orgId), 'escalation');
        await recordAudit(
          tx,
          { userId: null, orgId: alert.orgId, requestId: `job-${uuidv7()}`, ip: null },
          { action: 'crisis.escalate', resourceType: 'crisis_alert', resourceId: alertId, subjectUserId: alert.clientUserId, purpose: 'safety' },
        );
        return true;
      }),
  };
}

export type AlertsService = ReturnType<typeof createAlertsService>;
