import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { queryKeys } from '../api/query-keys';
import { useSignedInUser } from '../auth/signed-in-user';
import { orgApi } from '../org/org.api';

export type OrgTime = {
  /** Date and time with the zone named, e.g. "22 Nov 2026, 12:05 EET". */
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  /** Hours and minutes only, for "Saved at 12:05". */
  time: (iso: string) => string;
  /** The IANA zone the times are in, to name it once on a page. */
  zone: string;
};

/** Formats times in the viewer's language and the practice's time zone (the browser's until the practice has loaded). */
export function useOrgTime(): OrgTime {
  const { i18n } = useTranslation();
  const me = useSignedInUser();
  const orgId = me.active_org_id;
  const org = useQuery({ queryKey: queryKeys.org(orgId ?? 'none'), queryFn: () => orgApi.get(orgId as string), enabled: orgId !== null, staleTime: 300_000 });
  const timeZone = org.data?.timezone;
  const locale = i18n.language;
  const dateTime = new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
    timeZoneName: 'short',
  });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return {
    dateTime: (iso) => dateTime.format(new Date(iso)),
    date: (iso) => date.format(new Date(iso)),
    time: (iso) => time.format(new Date(iso)),
    // The practice's own name for its zone: browsers may answer with an older alias (Europe/Kiev).
    zone: timeZone ?? dateTime.resolvedOptions().timeZone,
  };
}
