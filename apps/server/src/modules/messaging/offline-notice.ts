import { systemContext, type Database } from '../../platform/db/database';
import type { Jobs } from '../../platform/jobs/jobs';
import type { Presence } from '../../platform/realtime/relay';
import { clientCaseIds } from '../cases';
import type { NotificationsService } from '../notifications';

export const OFFLINE_NOTICE_QUEUE = 'messaging.offline-notice';
export type OfflineNotice = { conversation_id: string; org_id: string; case_id: string | null; recipients: string[] };

/**
 * A participant with no socket open gets a notification (and, by their choices, email or push) —
 * one per conversation until they read it, not one per message. Runs as a job after the message
 * committed, so the sender never waits for presence checks or providers.
 */
export function createOfflineNotifier(deps: { db: Database; jobs: Jobs; relay: Presence; notifications: NotificationsService }) {
  async function notice(job: OfflineNotice): Promise<number> {
    const away: string[] = [];
    for (const userId of job.recipients) if (!(await deps.relay.online(userId))) away.push(userId);
    if (!away.length) return 0;
    return deps.db.inContext(systemContext, async (tx) => {
      let sent = 0;
      for (const userId of away) {
        if (await deps.notifications.hasUnread(tx, userId, 'message.new', { key: 'conversation_id', value: job.conversation_id })) continue;
        const isClient = job.case_id !== null && (await clientCaseIds(tx, job.org_id, userId)).some((c) => c.id === job.case_id);
        await deps.notifications.notify(tx, {
          userId,
          orgId: job.org_id,
          kind: 'message.new',
          title: { uk: 'Нове повідомлення в Tend', en: 'A new message in Tend' },
          link: isClient || !job.case_id ? '/messages' : `/cases/${job.case_id}`,
          data: { conversation_id: job.conversation_id, ...(job.case_id ? { case_id: job.case_id } : {}) },
        });
        sent++;
      }
      return sent;
    });
  }
  return {
    notice,
    start: () => deps.jobs.work<OfflineNotice>(OFFLINE_NOTICE_QUEUE, async (job) => void (await notice(job))),
  };
}
