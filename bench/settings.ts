// The benchmark's own knobs, read once from the environment (the server's settings live in
// apps/server/src/config.ts; these only shape the measurement).
import { z } from 'zod';
import { envSchema, parseEnv } from '../apps/server/src/config';

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
  /** The server's own setting, passed on to the bench server: `0` makes it build the case page every time. */
  CASE_OVERVIEW_CACHE_PAGES: envSchema.shape.CASE_OVERVIEW_CACHE_PAGES,
});

const env = parseEnv(schema, process.env, 'bench settings');

export const benchSettings = {
  seconds: env.BENCH_SECONDS,
  cases: env.BENCH_CASES,
  bookingConnections: env.BENCH_BOOKING_CONNECTIONS,
  databaseUrl: env.BENCH_DATABASE_URL,
  profileDir: env.BENCH_PROFILE_DIR,
  /** Whether the bench server keeps case pages (ADR 0034), as its scenario's name and ceiling must say. */
  caseOverviewKept: env.CASE_OVERVIEW_CACHE_PAGES > 0,
};
