import type { FastifyInstance } from 'fastify';
import type { createRelay } from '../../platform/realtime/relay';
import { createRemindersService, REMINDER_JOB, type ReminderJob, type RemindersDeps } from './reminders.service';
import { schedulingRoutes } from './scheduling.routes';
import { createChangesService } from './changes.service';
import { createSchedulingService } from './scheduling.service';
import { createSeriesService } from './series.service';
import { waitlistRoutes } from './waitlist.routes';
import { createWaitlistService, WAITLIST_JOB, type WaitlistJob } from './waitlist.service';
import { sessionsRoutes } from './sessions.routes';
import { createSessionsService } from './sessions.service';

export { eraseAppointmentsOf, messagingSessionPairs, schedulingRepository as appointmentsRepository } from './scheduling.repository';
export { createRemindersService, REMINDER_JOB } from './reminders.service';
export { createWaitlistService, WAITLIST_JOB, type WaitlistJob } from './waitlist.service';

/**
 * Availability in the specialist's own zone, free slots, booking that cannot double-book, reminders and
 * the calendar feed, and the session itself: waiting room, admission, signalling, end.
 */
export async function schedulingPlugin(app: FastifyInstance, deps: RemindersDeps & { relay: ReturnType<typeof createRelay> }) {
  const reminders = createRemindersService(deps);
  const scheduling = createSchedulingService({ ...deps, reminders });
  const waitlist = createWaitlistService({ ...deps, scheduling });
  const changes = createChangesService({ ...deps, reminders, onFreed: waitlist.freed });
  const series = createSeriesService({ ...deps, reminders });
  schedulingRoutes(app, { scheduling, changes, series, reminders });
  waitlistRoutes(app, waitlist);
  await deps.jobs.work<WaitlistJob>(WAITLIST_JOB, async (job) => {
    await waitlist.run(job);
  });
  await deps.jobs.work<ReminderJob>(REMINDER_JOB, async (data) => {
    await reminders.send(data);
  });
  const sessions = createSessionsService(deps);
  sessionsRoutes(app, sessions);
  // WebRTC offers, answers and ICE candidates between the two people of a session.
  deps.relay.on('session.signal', (principal, payload) => sessions.signal(principal, payload));
  return { scheduling, sessions, reminders, waitlist };
}
