import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import pino from 'pino';
import { inject } from 'vitest';
import { buildApp } from '../src/app';
import { type Config, loadConfig } from '../src/config';
import { startRuntime, type Runtime } from '../src/platform/runtime';
import { withDatabase } from './urls';
import { testSettings } from './settings';

export type TestApp = {
  app: FastifyInstance;
  runtime: Runtime;
  config: Config;
  /** Owner connection to this file's database (bypasses RLS: for assertions only). */
  owner: pg.Pool;
  databaseUrl: string;
  close(): Promise<void>;
};

/** Clones the migrated template into a database of this test file's own and builds the real app. */
export async function cloneDatabase(): Promise<string> {
  const templateUrl = inject('templateUrl');
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `tend_t_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        break;
      } catch (error) {
        // Two files cloning at once: "source database is being accessed by other users".
        if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return withDatabase(templateUrl, name);
}

export function testConfig(databaseUrl: string, overrides: Partial<Config> = {}): Config {
  return loadConfig(
    { LOG_LEVEL: 'silent', TEND_MASTER_KEY: inject('masterKey'), TEND_SEED_DEMO: 'false', NODE_ENV: 'test' },
    { databaseUrl, webDist: undefined, publicUrl: 'http://tend.test', ...overrides },
  );
}

export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const databaseUrl = await cloneDatabase();
  const config = testConfig(databaseUrl, overrides);
  const logger = pino({ level: testSettings.logLevel });
  const runtime = await startRuntime(config, logger);
  const app = await buildApp(config, runtime, logger);
  await app.ready();
  const owner = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  return {
    app,
    runtime,
    config,
    owner,
    databaseUrl,
    async close() {
      await app.close();
      await runtime.stop();
      await owner.end();
    },
  };
}

let ipCounter = 0;
/** A distinct client address per call, so per-IP throttles do not couple unrelated tests. */
export const freshIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter++ & 255}`;

export type Session = { token: string; userId: string; email: string; password: string; orgId: string | null };

export async function call(app: FastifyInstance, options: InjectOptions & { token?: string }): Promise<LightMyRequestResponse> {
  const { token, ...rest } = options;
  return app.inject({ remoteAddress: freshIp(), ...rest, headers: { ...(rest.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) } });
}

export async function register(app: FastifyInstance, input: Partial<{ email: string; password: string; name: string }> = {}): Promise<Session> {
  const email = input.email ?? `user-${crypto.randomBytes(5).toString('hex')}@example.test`;
  const password = input.password ?? 'correct horse battery';
  const res = await call(app, { method: 'POST', url: '/api/v1/auth/register', payload: { email, password, name: input.name ?? 'Test Person' } });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  const data = res.json().data;
  return { token: data.access_token, userId: data.user.id, email, password, orgId: data.user.active_org_id };
}

export async function login(app: FastifyInstance, email: string, password: string): Promise<Session> {
  const res = await call(app, { method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const data = res.json().data;
  return { token: data.access_token, userId: data.user.id, email, password, orgId: data.user.active_org_id };
}

/** Creates an org whose admin is a new user; returns the admin's session in that org. */
export async function createOrg(app: FastifyInstance, name = 'Practice'): Promise<Session & { orgId: string }> {
  const admin = await register(app);
  const res = await call(app, { method: 'POST', url: '/api/v1/orgs', token: admin.token, payload: { name } });
  if (res.statusCode !== 201) throw new Error(`create org failed: ${res.statusCode} ${res.body}`);
  const session = await login(app, admin.email, admin.password);
  return { ...session, orgId: res.json().data.id };
}

/** Invites `role` into the admin's org and accepts it as a new user; returns that user's session. */
export async function addMember(t: TestApp, admin: Session & { orgId: string }, role: string, name = `A ${role}`): Promise<Session> {
  const email = `member-${crypto.randomBytes(5).toString('hex')}@example.test`;
  const invite = await call(t.app, { method: 'POST', url: `/api/v1/orgs/${admin.orgId}/invitations`, token: admin.token, payload: { email, role } });
  if (invite.statusCode !== 201) throw new Error(`invite failed: ${invite.statusCode} ${invite.body}`);
  const token = await latestLinkToken(t, email, '/invitations/accept');
  const res = await call(t.app, {
    method: 'POST',
    url: '/api/v1/invitations/accept',
    payload: { token, name, password: 'correct horse battery' },
  });
  if (res.statusCode !== 200) throw new Error(`accept failed: ${res.statusCode} ${res.body}`);
  const data = res.json().data;
  return { token: data.access_token, userId: data.user.id, email, password: 'correct horse battery', orgId: data.user.active_org_id };
}

/** Reads the newest mail to `email` from the outbox (decrypting as the system) and returns its link token. */
export async function latestLinkToken(t: TestApp, email: string, pathPrefix: string): Promise<string> {
  const { systemContext } = await import('../src/platform/db/database');
  const mails = await t.runtime.db.inContext(systemContext, (tx) => t.runtime.mailer.list(tx, 50, 0));
  const mail = mails.items.find((m) => m.to === email);
  if (!mail) throw new Error(`no mail to ${email}`);
  const match = new RegExp(`${pathPrefix.replaceAll('/', '\\/')}\\?token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link in mail to ${email}`);
  return match[1];
}
