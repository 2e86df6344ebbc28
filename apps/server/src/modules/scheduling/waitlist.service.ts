import { type Appointment, isoWeekday, localDate, offsetMinutes, parseClock } from '@tend/contracts';
import { v7 as uuidv7 } from 'uuid';
import { recordAudit } from '../../platform/audit';
import type { Principal } from '../../platform/auth/tokens';
import type { FieldCrypto } from '../../platform/crypto/field-crypto';
import { type Database, systemContext, type Tx } from '../../platform/db/database';
import { AppError } from '../../platform/http/app-error';
import type { Jobs } from '../../platform/jobs/jobs';
import type { RequestMeta } from '../identity';
import type { NotificationsService } from '../notifications';
import { inActiveOrg, userNames } from '../orgs';
import { MIN } from './booking';
import { type AppointmentRow, schedulingRepository } from './scheduling.repository';
import type { SchedulingService } from './scheduling.service';
import { type WaitlistEntryRow, type WaitlistOfferRow, waitlistRepository } from './waitlist.repository';

export const WAITLIST_JOB = 'scheduling.waitlist';
/** How long a freed start is held for the client it is offered to, before the next in line gets it. */
export const OFFER_HOURS = 2;
export type WaitlistJob = { kind: 'freed'; specialist_id: string; session_type_id: string; starts_at: string } | { kind: 'expire'; offer_id: string };

export type WaitlistDeps = {
  db: Database;
  crypto: FieldCrypto;
  jobs: Pick<Jobs, 'send'>;
  notifications: Pick<NotificationsService, 'notify'>;
  scheduling: Pick<SchedulingService, 'bookIn'>;
};

const offerDto = (o: WaitlistOfferRow) => ({
  id: o.id,
  specialist_id: o.specialistUserId,
  session_type_id: o.sessionTypeId,
  starts_at: o.startsAt.toISOString(),
  expires_at: o.expiresAt.toISOString(),
  status: o.status,
  appointment_id: o.appointmentId,
});
const entryDto = (e: WaitlistEntryRow, offer: WaitlistOfferRow | undefined) => ({
  id: e.id,
  specialist_id: e.specialistUserId,
  client_id: e.clientUserId,
  session_type_id: e.sessionTypeId,
  preferred_windows: e.preferredWindows,
  status: e.status,
  created_at: e.createdAt.toISOString(),
  offer: offer ? offerDto(offer) : null,
});

/** Whether a start (and its whole session) falls in one of the client's windows, in the specialist's zone. */
function suits(entry: WaitlistEntryRow, start: number, durationMinutes: number, timeZone: string): boolean {
  if (!entry.preferredWindows.length) return true;
  const date = localDate(start, timeZone);
  const minute = Math.round((start + offsetMinutes(timeZone, start) * MIN - Date.parse(`${date}T00:00:00Z`)) / MIN);
  return entry.preferredWindows.some((w) => w.weekday === isoWeekday(date) && parseClock(w.start) <= minute && minute + durationMinutes <= parseClock(w.end));
}

/** The caller's own offer, locked, still open: what accepting and declining both answer. */
async function openOfferOf(tx: Tx, p: Principal, offerId: string): Promise<WaitlistOfferRow> {
  const offer = await waitlistRepository.offer(tx, offerId, true);
  if (!offer || offer.clientUserId !== p.userId) throw new AppError('SCHEDULING.OFFER_NOT_FOUND', 'No such offer');
  if (offer.status !== 'open' || offer.expiresAt.getTime() <= Date.now())
    throw new AppError('SCHEDULING.OFFER_CLOSED', 'This offer has expired or was already answered; you are still on the waitlist');
  return offer;
}

export function createWaitlistService(deps: WaitlistDeps) {
  /** System context: offers a freed start to the first suitable client in line who has not had it yet. */
  async function offerNext(tx: Tx, specialistId: string, sessionTypeId: string, startsAt: Date, now: number): Promise<WaitlistOfferRow | null> {
    const [settings, type] = [await schedulingRepository.settings(tx, specialistId), await schedulingRepository.sessionType(tx, sessionTypeId)];
    if (!settings || !type || startsAt.getTime() <= now) return null;
    const end = startsAt.getTime() + type.durationMinutes * MIN;
    const blocked = [new Date(startsAt.getTime() - settings.bufferBeforeMinutes * MIN), new Date(end + settings.bufferAfterMinutes * MIN)] as const;
    if (await waitlistRepository.taken(tx, specialistId, ...blocked)) return null;
    const entry = (await waitlistRepository.candidates(tx, specialistId, sessionTypeId, startsAt)).find((e) =>
      suits(e, startsAt.getTime(), type.durationMinutes, settings.timezone),
    );
    if (!entry) return null;
    const offer = {
      id: uuidv7(),
      orgId: entry.orgId,
      entryId: entry.id,
      clientUserId: entry.clientUserId,
      specialistUserId: specialistId,
      sessionTypeId,
      startsAt,
      expiresAt: new Date(Math.min(now + OFFER_HOURS * 3_600_000, startsAt.getTime())),
    };
    await waitlistRepository.insertOffer(tx, offer);
    await deps.notifications.notify(tx, {
      userId: entry.clientUserId,
      orgId: entry.orgId,
      kind: 'waitlist.offer',
      title: { uk: 'Звільнився час для сесії', en: 'A session time has opened up' },
      link: `/waitlist/offers/${offer.id}`,
      data: { offer_id: offer.id, starts_at: startsAt.toISOString(), expires_at: offer.expiresAt.toISOString() },
    });
    await deps.jobs.send(tx, WAITLIST_JOB, { kind: 'expire', offer_id: offer.id } satisfies WaitlistJob, { startAfter: offer.expiresAt });
    return (await waitlistRepository.offer(tx, offer.id)) as WaitlistOfferRow;
  }

  return {
    /** In a cancellation's or move's transaction: the freed start is offered by a job after it commits. */
    async freed(tx: Tx, a: AppointmentRow): Promise<void> {
      const job: WaitlistJob = { kind: 'freed', specialist_id: a.specialistUserId, session_type_id: a.sessionTypeId, starts_at: a.startsAt.toISOString() };
      await deps.jobs.send(tx, WAITLIST_JOB, job);
    },

    /** The job. `now` is the clock (tests move it). */
    run: (job: WaitlistJob, now = Date.now()): Promise<WaitlistOfferRow | null> =>
      deps.db.inContext(systemContext, async (tx) => {
        if (job.kind === 'freed') return offerNext(tx, job.specialist_id, job.session_type_id, new Date(job.starts_at), now);
        const offer = await waitlistRepository.offer(tx, job.offer_id, true);
        if (!offer || offer.status !== 'open' || offer.expiresAt.getTime() > now) return null;
        await waitlistRepository.updateOffer(tx, offer.id, { status: 'expired' });
        return offerNext(tx, offer.specialistUserId, offer.sessionTypeId, offer.startsAt, now);
      }),

    join: (
      p: Principal,
      body: { specialist_id: string; session_type_id?: string | undefined; preferred_windows: { weekday: number; start: string; end: string }[] },
      meta: RequestMeta,
    ) =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        if (!(await schedulingRepository.settings(tx, body.specialist_id)))
          throw new AppError('SCHEDULING.SPECIALIST_NOT_FOUND', 'No such specialist taking bookings here');
        if (body.session_type_id) {
          const type = await schedulingRepository.sessionType(tx, body.session_type_id);
          if (!type || !type.active || type.specialistUserId !== body.specialist_id)
            throw new AppError('SCHEDULING.SESSION_TYPE_NOT_FOUND', 'No such session type for this specialist');
        }
        const id = uuidv7();
        await waitlistRepository.insertEntry(tx, {
          id,
          orgId: actor.orgId,
          specialistUserId: body.specialist_id,
          clientUserId: p.userId,
          sessionTypeId: body.session_type_id ?? null,
          preferredWindows: body.preferred_windows,
        });
        await recordAudit(tx, actor, {
          action: 'scheduling.waitlist_join',
          resourceType: 'waitlist_entry',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'operations',
        });
        return entryDto((await waitlistRepository.entry(tx, id)) as WaitlistEntryRow, undefined);
      }),

    /** A client's own entries; a specialist's line; the whole practice's for admins and supervisors. */
    list: (p: Principal, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, null, async ({ tx, actor }) => {
        const entries = await waitlistRepository.entries(tx);
        const offers = await waitlistRepository.openOffers(
          tx,
          entries.map((e) => e.id),
        );
        const names = await userNames(
          tx,
          deps.crypto,
          entries.flatMap((e) => [e.clientUserId, e.specialistUserId]),
        );
        const typeNames = new Map<string, string>();
        for (const id of new Set(entries.map((e) => e.sessionTypeId).filter((x): x is string => Boolean(x))))
          typeNames.set(id, (await schedulingRepository.sessionType(tx, id))?.name ?? '');
        // Specialists, supervisors and admins read who waits: that is a read of other people's data.
        if (p.userId && entries.some((e) => e.clientUserId !== p.userId))
          await recordAudit(tx, actor, {
            action: 'scheduling.waitlist_list',
            resourceType: 'waitlist_entry',
            purpose: 'operations',
            details: { count: entries.length },
          });
        return entries.map((e) => ({
          ...entryDto(
            e,
            offers.find((o) => o.entryId === e.id),
          ),
          client_name: names.get(e.clientUserId) ?? null,
          specialist_name: names.get(e.specialistUserId) ?? null,
          session_type_name: e.sessionTypeId ? (typeNames.get(e.sessionTypeId) ?? null) : null,
        }));
      }),

    leave: (p: Principal, id: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        const entry = await waitlistRepository.entry(tx, id);
        if (!entry || entry.clientUserId !== p.userId) throw new AppError('SCHEDULING.WAITLIST_ENTRY_NOT_FOUND', 'No such waitlist entry');
        await waitlistRepository.setEntryStatus(tx, id, 'left');
        await recordAudit(tx, actor, {
          action: 'scheduling.waitlist_leave',
          resourceType: 'waitlist_entry',
          resourceId: id,
          subjectUserId: p.userId,
          purpose: 'operations',
        });
        return entryDto({ ...entry, status: 'left' }, undefined);
      }),

    /**
     * The client passes on an offered time: it goes to the next suitable client in line at once (by the
     * job, after this commits) rather than when the hold runs out, and they keep their place for other times.
     */
    decline: (p: Principal, offerId: string, meta: RequestMeta) =>
      inActiveOrg(deps, p, meta, ['client'], async ({ tx, actor }) => {
        const offer = await openOfferOf(tx, p, offerId);
        await waitlistRepository.updateOffer(tx, offer.id, { status: 'declined' });
        const job: WaitlistJob = {
          kind: 'freed',
          specialist_id: offer.specialistUserId,
          session_type_id: offer.sessionTypeId,
          starts_at: offer.startsAt.toISOString(),
        };
        await deps.jobs.send(tx, WAITLIST_JOB, job);
        await recordAudit(tx, actor, {
          action: 'scheduling.waitlist_decline',
          resourceType: 'waitlist_offer',
          resourceId: offer.id,
          subjectUserId: p.userId,
          purpose: 'operations',
        });
        return offerDto({ ...offer, status: 'declined' });
      }),

    /** Books the offered start through the normal booking path, in one transaction with closing the offer. */
    accept: (p: Principal, offerId: string, meta: RequestMeta): Promise<Appointment> =>
      inActiveOrg(deps, p, meta, ['client'], async (scope) => {
        const offer = await openOfferOf(scope.tx, p, offerId);
        const appointment = await deps.scheduling.bookIn(scope, p, {
          specialist_id: offer.specialistUserId,
          session_type_id: offer.sessionTypeId,
          starts_at: offer.startsAt.toISOString(),
        });
        await waitlistRepository.updateOffer(scope.tx, offer.id, { status: 'accepted', appointmentId: appointment.id });
        await waitlistRepository.setEntryStatus(scope.tx, offer.entryId, 'booked');
        await recordAudit(scope.tx, scope.actor, {
          action: 'scheduling.waitlist_accept',
          resourceType: 'waitlist_offer',
          resourceId: offer.id,
          subjectUserId: p.userId,
          purpose: 'operations',
          details: { appointment_id: appointment.id },
        });
        return appointment;
      }),
  };
}

export type WaitlistService = ReturnType<typeof createWaitlistService>;
