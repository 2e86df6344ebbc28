// The test suite's own knobs, read once from the environment (the server's settings live in
// src/config.ts; these only choose what the suite runs against). Documented in the README.
import { z } from 'zod';
import { parseEnv } from '../src/config';

const schema = z.object({
  /** Run against this PostgreSQL server instead of an embedded one (CI's service). */
  TEST_DATABASE_URL: z.string().min(1).optional(),
  /** Enables the tests that need Redis (two instances sharing live events). */
  TEST_REDIS_URL: z.string().min(1).optional(),
  /** The test servers' log level; silent unless you are chasing a failure. */
  TEST_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('silent'),
});

const env = parseEnv(schema, process.env, 'test settings');

export const testSettings = {
  databaseUrl: env.TEST_DATABASE_URL,
  redisUrl: env.TEST_REDIS_URL,
  logLevel: env.TEST_LOG_LEVEL,
};
