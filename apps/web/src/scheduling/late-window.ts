import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { orgApi } from '../org/org.api';
import type { Appointment } from './scheduling.api';

/** Until the practice's own setting has loaded, the default window (ADR 0012). */
const DEFAULT_HOURS = 24;

/** The practice's late-cancellation window in hours: a change inside it is flagged and the fee may apply. */
export function useLateWindowHours(): number {
  const me = useSignedInUser();
  const orgId = me.active_org_id ?? '';
  const org = useQuery({ queryKey: queryKeys.org(orgId), queryFn: () => orgApi.get(orgId), enabled: orgId !== '', staleTime: 60_000 });
  return org.data?.late_cancellation_hours ?? DEFAULT_HOURS;
}

/** Inside the window a cancellation or a move is flagged as late; a window of 0 never flags. */
export const isLateChange = (appointment: Appointment, windowHours: number, now = Date.now()) =>
  Date.parse(appointment.starts_at) - now < windowHours * 3_600_000;
