import type { IceServer } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { createRelay } from '../../platform/realtime/relay';
import type { VideoProvider } from '../../platform/video';
import { createRemindersService, REMINDER_JOB, type ReminderJob, type RemindersDeps } from './reminders.service';
import { schedulingRoutes } from './scheduling.routes';
import { createChangesService } from './changes.service';
import { createSchedulingService } from './scheduling.service';
import { createSeriesService } from './series.service';
import { waitlistRoutes } from './waitlist.routes';
import { createWaitlistService, WAITLIST_JOB, type WaitlistJob } from './waitlist.service';
import { sessionRoomRoutes } from './session-room.routes';
import { createSessionRoomService } from './session-room.service';
import { sessionsRoutes } from './sessions.routes';
import { createSessionsService } from './sessions.service';
import { videoRoutes } from './video.routes';
import { createVideoWebhookService } from './video-webhook.service';
import { createVideoService, RECORDING_CONSENT_JOB, type RecordingConsentJob } from './video.service';
import { sessionFeedbackRoutes } from './session-feedback.routes';
import { createSessionFeedbackService } from './session-feedback.service';

export { eraseAppointmentsOf, messagingSessionPairs, schedulingRepository as appointmentsRepository } from './scheduling.repository';
export { createRemindersService, REMINDER_JOB } from './reminders.service';
export { openDemoHours } from './demo-hours';
export { createWaitlistService, WAITLIST_JOB, type WaitlistJob } from './waitlist.service';
export { createVideoService, type VideoService } from './video.service';
export { createVideoWebhookService } from './video-webhook.service';
export { feedbackOfCase, feedbackOfSession } from './session-feedback.service';
export { nextWeekSlot } from './next-slot';

/**
 * Availability in the specialist's own zone, free slots, booking that cannot double-book, reminders and
 * the calendar feed, and the session itself: waiting room, admission, signalling, end.
 */
export async function schedulingPlugin(
  app: FastifyInstance,
  deps: RemindersDeps & { relay: ReturnType<typeof createRelay>; video: VideoProvider | null; iceServers: IceServer[]; logger: Logger },
) {
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
  // LiveKit (when configured): join tokens, consent-gated recording, verified webhooks.
  const video = createVideoService(deps);
  const sessions = createSessionsService({ ...deps, onEnded: video.sessionEnded });
  sessionsRoutes(app, sessions);
  sessionFeedbackRoutes(app, createSessionFeedbackService(deps));
  await videoRoutes(app, video, createVideoWebhookService(deps));
  await deps.jobs.work<RecordingConsentJob>(RECORDING_CONSENT_JOB, (job) => video.recheckConsent(job));
  // The call itself: LiveKit's join token when it is configured, else the built-in WebRTC call.
  const room = createSessionRoomService({ ...deps, liveKit: deps.video ? video.access : null });
  sessionRoomRoutes(app, room);
  // WebRTC offers, answers and ICE candidates, and the in-session tools, between the two people of a session.
  deps.relay.on('session.signal', (principal, payload) => room.signal(principal, payload));
  deps.relay.on('session.tool', (principal, payload) => room.tool(principal, payload));
  return { scheduling, sessions, reminders, waitlist, video };
}
