import { type IceServer, iceServer } from '@tend/contracts';
import path from 'node:path';
import { z } from 'zod';
import type { TwilioSettings } from './platform/channels/sms';
import type { S3Settings } from './platform/storage/s3-store';
import type { LiveKitSettings } from './platform/video/livekit-provider';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => v === 'true' || v === '1' || v === 'yes');

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.string().optional(),
  DATABASE_APP_URL: z.string().optional(),
  DATA_DIR: z.string().default('.data'),
  TEND_MASTER_KEY: z.string().optional(),
  TEND_MASTER_KEY_PREVIOUS: z.string().optional(),
  TEND_ROLE: z.enum(['all', 'api', 'worker']).default('all'),
  TEND_SEED_DEMO: bool.optional(),
  TEND_DEMO_PASSWORD: z.string().min(10).optional(),
  REDIS_URL: z.string().optional(),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Tend <no-reply@tend.local>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(20),
  CASELOAD_CACHE_PAGES: z.coerce.number().int().min(0).max(100_000).default(500),
  CASE_OVERVIEW_CACHE_PAGES: z.coerce.number().int().min(0).max(100_000).default(500),
  S3_ENDPOINT: z.string().optional(),
  S3_BUCKET: z.string().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: z.string().optional(),
  TWILIO_FROM: z.string().optional(),
  TWILIO_API_URL: z.url().default('https://api.twilio.com'),
  VAPID_PUBLIC_KEY: z.string().optional(),
  VAPID_PRIVATE_KEY: z.string().optional(),
  VAPID_SUBJECT: z.string().optional(),
  LIVEKIT_URL: z.string().optional(),
  LIVEKIT_API_KEY: z.string().optional(),
  LIVEKIT_API_SECRET: z.string().optional(),
  ICE_SERVERS: z
    .string()
    .default('[]')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON array of RTCIceServer objects' });
        return z.NEVER;
      }
    })
    .pipe(z.array(iceServer)),
  NODE_ENV: z.string().optional(),
  VITEST: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  /** Owner connection (migrations, jobs); absent means: start the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  /** Request connection as the non-superuser `tend_server`; derived from databaseUrl when absent. */
  databaseAppUrl: string | undefined;
  dataDir: string;
  masterKey: string | undefined;
  previousMasterKey: string | undefined;
  role: 'all' | 'api' | 'worker';
  seedDemo: boolean;
  /** A fixed password for the demo accounts (E2E); random when absent. */
  demoPassword: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  trustProxy: boolean;
  cookieSecure: boolean;
  dbPoolSize: number;
  /** Caseload pages kept per instance while their read version holds (ADR 0030); 0 keeps none. */
  caseloadCachePages: number;
  /** Case pages (a case with its latest notes) kept per instance while their read version holds (ADR 0034); 0 keeps none. */
  caseOverviewCachePages: number;
  /** Requests per minute per client address across the API; 0 turns the global limit off. */
  rateLimitPerMinute: number;
  /** Sign-in, registration and second-factor attempts per client address per minute. */
  authRateLimitPerMinute: number;
  /** Case files go to this bucket when set, else to `<dataDir>/files` (both sealed per file). */
  s3: S3Settings | undefined;
  /** SMS goes through Twilio when set; otherwise SMS deliveries are kept in the delivery log ("captured"). */
  twilio: TwilioSettings | undefined;
  /** Web Push signing keys; when absent the database makes a pair on first start. */
  vapid: { publicKey: string | undefined; privateKey: string | undefined; subject: string };
  /** Accept push endpoints on loopback http (tests with a local push service only). */
  pushAllowLoopback: boolean;
  /** Video goes through this LiveKit server when set (rooms, tokens, webhooks, recording); otherwise the built-in call. */
  livekit: LiveKitSettings | undefined;
  /** STUN/TURN servers the built-in WebRTC call may use; empty (host candidates only) works on localhost and a LAN. */
  iceServers: IceServer[];
  /** Served by the API in production; absent in tests that do not need the SPA. */
  webDist: string | undefined;
  /** Check every response against its zod schema as well as the compiled serializer (under test; ADR 0026). */
  checkResponsesWithZod: boolean;
};

/**
 * Reads a set of environment variables by its schema, or throws naming each bad one. The server's settings below,
 * and the test suite's and the benchmark's own knobs (apps/server/test/settings.ts, bench/settings.ts), go through it.
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv, what: string): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
  throw new Error(`Invalid ${what}:\n${lines}`);
}

/** Parses the environment once; the only place in the server that reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const e = parseEnv(envSchema, env, 'environment');
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, '');
  const root = path.resolve(import.meta.dirname, '../../..');
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    databaseUrl: e.DATABASE_URL || undefined,
    databaseAppUrl: e.DATABASE_APP_URL || undefined,
    dataDir: path.resolve(root, e.DATA_DIR),
    masterKey: e.TEND_MASTER_KEY || undefined,
    previousMasterKey: e.TEND_MASTER_KEY_PREVIOUS || undefined,
    role: e.TEND_ROLE,
    seedDemo: e.TEND_SEED_DEMO ?? !e.DATABASE_URL,
    demoPassword: e.TEND_DEMO_PASSWORD,
    redisUrl: e.REDIS_URL || undefined,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    cookieSecure: publicUrl.startsWith('https://'),
    dbPoolSize: e.DB_POOL_SIZE,
    caseloadCachePages: e.CASELOAD_CACHE_PAGES,
    caseOverviewCachePages: e.CASE_OVERVIEW_CACHE_PAGES,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    authRateLimitPerMinute: e.AUTH_RATE_LIMIT_PER_MINUTE,
    s3: e.S3_BUCKET
      ? {
          endpoint: e.S3_ENDPOINT || undefined,
          bucket: e.S3_BUCKET,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID || undefined,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY || undefined,
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : undefined,
    twilio:
      e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN && e.TWILIO_FROM
        ? { accountSid: e.TWILIO_ACCOUNT_SID, authToken: e.TWILIO_AUTH_TOKEN, from: e.TWILIO_FROM, apiUrl: e.TWILIO_API_URL }
        : undefined,
    vapid: {
      publicKey: e.VAPID_PUBLIC_KEY || undefined,
      privateKey: e.VAPID_PRIVATE_KEY || undefined,
      subject: e.VAPID_SUBJECT || `mailto:${/<([^>]+)>/.exec(e.MAIL_FROM)?.[1] ?? e.MAIL_FROM}`,
    },
    livekit: liveKitSettings(e),
    pushAllowLoopback: false,
    iceServers: e.ICE_SERVERS,
    webDist: path.join(root, 'apps/web/dist'),
    checkResponsesWithZod: Boolean(e.VITEST) || e.NODE_ENV === 'test',
    ...overrides,
  };
}

/** All three LiveKit variables or none: a partial set is a deployment mistake, refused at startup. */
function liveKitSettings(e: z.infer<typeof envSchema>): LiveKitSettings | undefined {
  const values = {
    LIVEKIT_URL: e.LIVEKIT_URL || undefined,
    LIVEKIT_API_KEY: e.LIVEKIT_API_KEY || undefined,
    LIVEKIT_API_SECRET: e.LIVEKIT_API_SECRET || undefined,
  };
  const missing = Object.entries(values)
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length === 3) return undefined;
  if (missing.length) {
    throw new Error(
      `Invalid environment:\n  LiveKit needs LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together; missing ${missing.join(', ')} (unset all three for the built-in video call)`,
    );
  }
  if (!/^(wss?|https?):\/\/[^/\s]+/.test(values.LIVEKIT_URL as string)) {
    throw new Error('Invalid environment:\n  LIVEKIT_URL: use the LiveKit server address, e.g. wss://video.example.com');
  }
  return { url: values.LIVEKIT_URL as string, apiKey: values.LIVEKIT_API_KEY as string, apiSecret: values.LIVEKIT_API_SECRET as string };
}
