import type { CaseEvent, NoteDto } from '@tend/contracts';

export type TimelineEntry = { kind: 'event'; at: string; event: CaseEvent } | { kind: 'note'; at: string; note: NoteDto };

/** When a note belongs on the timeline: its latest signature, else its last edit as a draft. */
function noteTime(note: NoteDto): string {
  return note.cosigned_at ?? note.signed_at ?? note.updated_at;
}

/** The case history and its progress notes as one list, newest first. */
export function timelineEntries(events: readonly CaseEvent[], notes: readonly NoteDto[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...events.map((event) => ({ kind: 'event' as const, at: event.at, event })),
    ...notes.map((note) => ({ kind: 'note' as const, at: noteTime(note), note })),
  ];
  return entries.sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}
