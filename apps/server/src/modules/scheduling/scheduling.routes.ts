import {
  appointment,
  availability,
  calendarFeed,
  availabilityBody,
  bookBody,
  cancelBody,
  ok,
  rescheduleBody,
  series,
  seriesBody,
  sessionBookBody,
  sessionType,
  sessionTypeBody,
  slot,
  slotsQuery,
  uuidParam,
} from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/http/app-error';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { ChangesService } from './changes.service';
import type { RemindersService } from './reminders.service';
import type { SchedulingService } from './scheduling.service';
import type { SeriesService } from './series.service';

const tags = ['scheduling'];
const specialistQuery = z.object({ specialist_id: z.uuid() });

type Services = { scheduling: SchedulingService; changes: ChangesService; series: SeriesService; reminders: RemindersService };

export function schedulingRoutes(app: FastifyInstance, { scheduling: s, changes, series: recurring, reminders }: Services): void {
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/scheduling/availability',
    summary: "A specialist's weekly hours, days off, buffers, notice and horizon",
    tags,
    querystring: specialistQuery,
    response: availability,
    handler: ({ principal, query, request }) => s.getAvailability(principal, query.specialist_id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'PUT',
    url: '/api/v1/scheduling/availability',
    summary: 'Set my availability in my own time zone (specialist)',
    tags,
    body: availabilityBody,
    response: ok,
    handler: ({ principal, body, request }) => s.setAvailability(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/scheduling/session-types',
    summary: "A specialist's session types",
    tags,
    querystring: specialistQuery,
    response: z.array(sessionType),
    handler: ({ principal, query, request }) => s.sessionTypes(principal, query.specialist_id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/session-types',
    summary: 'Add a session type: duration, price, modality (specialist)',
    tags,
    status: 201,
    body: sessionTypeBody,
    response: sessionType,
    handler: ({ principal, body, request }) => s.createSessionType(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/scheduling/slots',
    summary: 'Free slots for a specialist and session type, labelled in the viewer’s time zone',
    tags,
    querystring: slotsQuery,
    response: z.array(slot),
    handler: ({ principal, query, request }) => s.slots(principal, query, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/book',
    summary: 'Book a free slot (a client for themselves; a specialist or admin for a client)',
    tags,
    status: 201,
    body: bookBody,
    response: appointment,
    handler: ({ principal, body, request }) => s.book(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/sessions',
    summary: 'Book a session for a client of my caseload (specialist; org admin for any client); the same rules as booking',
    tags: ['sessions'],
    status: 201,
    body: sessionBookBody,
    response: appointment,
    handler: ({ principal, body, request }) => s.bookSession(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/scheduling/appointments',
    summary: 'My appointments between two instants',
    tags,
    querystring: z.object({ from: z.iso.datetime({ offset: true }), to: z.iso.datetime({ offset: true }) }),
    response: z.array(appointment),
    handler: ({ principal, query, request }) => s.mine(principal, query.from, query.to, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/series',
    summary: 'Book a weekly or fortnightly series (RRULE, FREQ=WEEKLY): every occurrence or none',
    tags,
    status: 201,
    body: seriesBody,
    response: series,
    handler: ({ principal, body, request }) => recurring.book(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/appointments/:id/cancel',
    summary: "Cancel (scope=following: and the rest of its series); inside the practice's late-cancellation window (24 hours unless changed) it is flagged",
    tags,
    params: uuidParam,
    body: cancelBody,
    response: appointment,
    handler: ({ principal, params, body, request }) => changes.cancel(principal, params.id, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/appointments/:id/reschedule',
    summary: "Move to another free start; inside the practice's late-cancellation window it is flagged as a late reschedule",
    tags,
    params: uuidParam,
    body: rescheduleBody,
    response: appointment,
    handler: ({ principal, params, body, request }) => changes.reschedule(principal, params.id, body.starts_at, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/scheduling/calendar-feed',
    summary: 'My secret iCalendar feed URL (specialist); ?rotate=true revokes the old one',
    tags,
    querystring: z.object({ rotate: z.enum(['true', 'false']).default('false') }),
    response: calendarFeed,
    handler: ({ principal, query, request }) => reminders.feedUrl(principal, query.rotate === 'true', requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/calendar-feed/rotate',
    summary: 'A new secret iCalendar feed URL (specialist); the old one stops working at once',
    tags,
    response: calendarFeed,
    handler: ({ principal, request }) => reminders.feedUrl(principal, true, requestMeta(request)),
  });
  // Calendar apps fetch this without signing in: the secret in the URL is the credential. Raw iCalendar, no envelope.
  app.get('/api/v1/calendar/:feed', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const feed = (request.params as { feed: string }).feed;
    const body = feed.endsWith('.ics') ? await reminders.feed(feed.slice(0, -4)) : null;
    if (!body) throw new AppError('REQUEST.NOT_FOUND', 'No such calendar');
    return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store').send(body);
  });
}
