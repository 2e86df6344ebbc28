import { v7 as uuidv7 } from 'uuid';
import type { Tx } from '../../platform/db/database';
import { schedulingRepository } from './scheduling.repository';

const WEEKDAYS = [1, 2, 3, 4, 5];
const OPENS = 9 * 60;
const CLOSES = 17 * 60;

/**
 * For the demo practice only, in the specialist's own context: weekdays 09:00–17:00 Europe/Kyiv, 10 minutes between
 * sessions, 2 hours' notice, 60 days ahead, and a 50-minute video and in-person session priced in UAH.
 */
export async function openDemoHours(tx: Tx, orgId: string, specialistUserId: string): Promise<void> {
  await schedulingRepository.upsertSettings(tx, {
    userId: specialistUserId,
    orgId,
    timezone: 'Europe/Kyiv',
    bufferBeforeMinutes: 0,
    bufferAfterMinutes: 10,
    minNoticeMinutes: 120,
    horizonDays: 60,
    stepMinutes: 60,
  });
  const base = { orgId, specialistUserId };
  await schedulingRepository.replaceAvailability(
    tx,
    specialistUserId,
    WEEKDAYS.map((weekday) => ({ ...base, id: uuidv7(), weekday, startMinute: OPENS, endMinute: CLOSES })),
    [],
  );
  const types = [
    { name: 'Онлайн-сесія (відео)', modality: 'video' as const, priceMinor: 120_000 },
    { name: 'Сесія в кабінеті', modality: 'in_person' as const, priceMinor: 150_000 },
  ];
  for (const type of types) await schedulingRepository.insertSessionType(tx, { ...base, id: uuidv7(), durationMinutes: 50, currency: 'UAH', ...type });
}
