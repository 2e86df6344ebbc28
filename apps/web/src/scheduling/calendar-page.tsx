import type { DatesSetArg, EventClickArg, EventDropArg, EventInput } from '@fullcalendar/core';
import ukLocale from '@fullcalendar/core/locales/uk';
import interactionPlugin from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../i18n/error-message';
import { notify } from '../ui/notify';
import { usePageTitle } from '../ui/use-page-title';
import { AppointmentDetails } from './appointment-details';
import { BookForClient } from './book-for-client';
import { BookingLink } from './booking-link';
import { CalendarFeed } from './calendar-feed';
import { SessionsInView } from './sessions-in-view';
import { schedulingKeys } from './scheduling-keys';
import { type Appointment, schedulingApi } from './scheduling.api';
import { useViewerTime } from './viewer-time';
import { WaitingList } from './waiting-list';

/** Dark enough for white text at WCAG AA (4.5:1 and more), one per status. */
const eventColours: Record<Appointment['status'], string> = {
  scheduled: '#1c5a94',
  in_progress: '#0b6b4c',
  completed: '#495057',
  cancelled: '#8a1c1c',
  no_show: '#9a4300',
};

/** The specialist's week (day or list on a phone), in the viewer's zone: drag a session to move it, or open it for the same by keyboard. `?date=` opens on that day. */
export function CalendarPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('scheduling.calendarTitle'));
  const time = useViewerTime();
  const [search] = useSearchParams();
  const phone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const queryClient = useQueryClient();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const appointments = useQuery({
    queryKey: schedulingKeys.appointments(range?.from ?? '', range?.to ?? ''),
    queryFn: () => schedulingApi.appointments(range!.from, range!.to),
    enabled: range !== null,
    placeholderData: (previous) => previous,
  });
  const shown = (appointments.data ?? []).filter((a) => a.status !== 'cancelled');
  const events: EventInput[] = shown.map((a) => ({
    id: a.id,
    title: `${a.client_name ?? ''} · ${a.session_type.name}`,
    start: a.starts_at,
    end: a.ends_at,
    backgroundColor: eventColours[a.status],
    borderColor: eventColours[a.status],
    textColor: '#ffffff',
    startEditable: a.status === 'scheduled' && Date.parse(a.starts_at) > Date.now(),
  }));

  const onDatesSet = (arg: DatesSetArg) => {
    const next = { from: arg.start.toISOString(), to: arg.end.toISOString() };
    if (next.from !== range?.from || next.to !== range?.to) setRange(next);
  };
  const onDrop = (arg: EventDropArg) => {
    const start = arg.event.start;
    if (!start) return arg.revert();
    setProblem(null);
    schedulingApi.reschedule(arg.event.id, start.toISOString()).then(
      async (moved) => {
        notify({ color: 'teal', message: t('scheduling.dragMoved', { name: arg.event.title, time: time.dateTime(moved.starts_at) }) });
        await queryClient.invalidateQueries({ queryKey: schedulingKeys.all });
      },
      (error: unknown) => {
        arg.revert();
        setProblem(t('scheduling.dragReverted', { reason: errorMessage(t, error) }));
      },
    );
  };
  const onClick = (arg: EventClickArg) => {
    arg.jsEvent.preventDefault();
    setOpenId(arg.event.id);
  };
  const open = shown.find((a) => a.id === openId) ?? null;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('scheduling.calendarTitle')}</Title>
      <BookingLink />
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text>{t('scheduling.timesIn', { zone: time.zoneName })}</Text>
        <BookForClient />
      </Group>
      {problem && (
        <Alert color="red" role="alert" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setProblem(null)}>
          {problem}
        </Alert>
      )}
      {appointments.isError && (
        <Alert color="red" role="alert">
          {errorMessage(t, appointments.error)}
        </Alert>
      )}
      <Paper withBorder p={{ base: 4, sm: 'md' }} className="tend-calendar" role="region" aria-label={t('scheduling.calendarLabel', { zone: time.zoneName })}>
        <FullCalendar
          key={phone ? 'phone' : 'wide'}
          plugins={[timeGridPlugin, listPlugin, interactionPlugin]}
          initialView={phone ? 'timeGridDay' : 'timeGridWeek'}
          initialDate={search.get('date') ?? undefined}
          headerToolbar={{ left: 'prev,next today', center: 'title', right: phone ? 'timeGridDay,listWeek' : 'timeGridWeek,timeGridDay,listWeek' }}
          buttonText={{
            prev: t('scheduling.view.previous'),
            next: t('scheduling.view.next'),
            today: t('scheduling.view.today'),
            week: t('scheduling.view.week'),
            day: t('scheduling.view.day'),
            list: t('scheduling.view.list'),
          }}
          // Words, not FullCalendar's icon fonts: its icons are role="img" without a name.
          buttonIcons={false}
          locales={[ukLocale]}
          locale={i18n.language}
          firstDay={1}
          allDaySlot={false}
          slotMinTime="07:00:00"
          slotMaxTime="21:00:00"
          nowIndicator
          height="auto"
          editable
          eventDurationEditable={false}
          eventInteractive
          events={events}
          datesSet={onDatesSet}
          eventDrop={onDrop}
          eventClick={onClick}
        />
      </Paper>
      <SessionsInView appointments={shown} onOpen={setOpenId} />
      <WaitingList />
      {/* Below the grid: a setting used once, and the grid keeps its place (drag depends on it). */}
      <CalendarFeed />
      {open && <AppointmentDetails key={open.id} appointment={open} onClose={() => setOpenId(null)} />}
    </Stack>
  );
}
