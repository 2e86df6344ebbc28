export { freeSlots, parseClock, type Busy, type DateOverride, type Slot, type SlotQuery, type WeeklyRule } from './slots';
export { addDays, isoWeekday, isTimeZone, localDate, localIso, offsetMinutes, sameTimeNextWeek, zonedToUtc } from './zoned-time';
export * from './api';
export { MAX_OCCURRENCES, occurrences, parseRecurrence, type Recurrence } from './recurrence';
export * from './waitlist';
export * from './video';
export * from './live-session';
export * from './call-quality';
export * from './session-lobby';
