// The benchmark's own knobs, read once from the environment (the server's settings live in
// apps/server/src/config.ts; these only shape the measurement).
import { z } from 'zod';

const schema = z.object({
  /** Seconds each scenario runs. */
  BENCH_SECONDS: z.coerce.number().positive().default(10),
  /** Cases seeded into the bench practice for the list and overview scenarios. */
  BENCH_CASES: z.coerce.number().int().positive().default(5000),
  /** Concurrent booking loops in the booking-throughput scenario. */
  BENCH_BOOKING_CONNECTIONS: z.coerce.number().int().positive().default(10),
  /** Measure against this PostgreSQL instead of the bench server's embedded one. */
  BENCH_DATABASE_URL: z.string().min(1).optional(),
  /** Write a V8 CPU profile of the bench server into this directory (open it in Chrome DevTools). */
  BENCH_PROFILE_DIR: z.string().min(1).optional(),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) throw new Error(`Invalid bench settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);

export const benchSettings = {
  seconds: parsed.data.BENCH_SECONDS,
  cases: parsed.data.BENCH_CASES,
  bookingConnections: parsed.data.BENCH_BOOKING_CONNECTIONS,
  databaseUrl: parsed.data.BENCH_DATABASE_URL,
  profileDir: parsed.data.BENCH_PROFILE_DIR,
};
