import { appointment, uuidParam, waitlistEntry, waitlistJoinBody, waitlistOffer } from '@tend/contracts';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { privateRoute } from '../../platform/http/route';
import { requestMeta } from '../identity';
import type { WaitlistService } from './waitlist.service';

const tags = ['scheduling'];

export function waitlistRoutes(app: FastifyInstance, w: WaitlistService): void {
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/waitlist',
    summary: "Join a specialist's waitlist (client), optionally for one session type and preferred weekly windows",
    tags,
    status: 201,
    body: waitlistJoinBody,
    response: waitlistEntry,
    handler: ({ principal, body, request }) => w.join(principal, body, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'GET',
    url: '/api/v1/scheduling/waitlist',
    summary: 'Waitlist entries I may see, each with its open offer',
    tags,
    response: z.array(waitlistEntry),
    handler: ({ principal, request }) => w.list(principal, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/waitlist/:id/leave',
    summary: 'Leave the waitlist (client)',
    tags,
    params: uuidParam,
    response: waitlistEntry,
    handler: ({ principal, params, request }) => w.leave(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/waitlist/offers/:id/accept',
    summary: 'Accept an offered time before it expires: books it like any booking (client)',
    tags,
    status: 201,
    params: uuidParam,
    response: appointment,
    handler: ({ principal, params, request }) => w.accept(principal, params.id, requestMeta(request)),
  });
  privateRoute(app, {
    method: 'POST',
    url: '/api/v1/scheduling/waitlist/offers/:id/decline',
    summary: 'Pass on an offered time (client): it goes to the next in line at once; the place on the waitlist stays',
    tags,
    params: uuidParam,
    response: waitlistOffer,
    handler: ({ principal, params, request }) => w.decline(principal, params.id, requestMeta(request)),
  });
}
