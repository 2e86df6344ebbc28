// The test suite's own knobs, read once from the environment (the server's settings live in
// src/config.ts; these only choose what the suite runs against). Documented in the README.
import { z } from 'zod';

const schema = z.object({
  /** Run against this PostgreSQL server instead of an embedded one (CI's service). */
  TEST_DATABASE_URL: z.string().min(1).optional(),
  /** Enables the tests that need Redis (two instances sharing live events). */
  TEST_REDIS_URL: z.string().min(1).optional(),
  /** The test servers' log level; silent unless you are chasing a failure. */
  TEST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('silent'),
});

const parsed = schema.safeParse(process.env);
if (!parsed.success) throw new Error(`Invalid test settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);

export const testSettings = {
  databaseUrl: parsed.data.TEST_DATABASE_URL,
  redisUrl: parsed.data.TEST_REDIS_URL,
  logLevel: parsed.data.TEST_LOG_LEVEL,
};
