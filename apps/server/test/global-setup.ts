import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import type { TestProject } from 'vitest/node';
import { withDatabase } from './urls';
import { appRolePassword, migrateDatabase } from '../src/platform/db/database';
import { startEmbeddedPostgres } from '../src/platform/db/embedded';
import { MAIL_QUEUE } from '../src/platform/channels/mailer';
import { startJobs } from '../src/platform/jobs/jobs';
import { testSettings } from './settings';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Owner URL of the template database every test file clones. */
    templateUrl: string;
    masterKey: string;
  }
}

/**
 * Once per run: a PostgreSQL (embedded, or TEST_DATABASE_URL's server on CI), and a template
 * database with every migration and the job queue schema, which each test file clones.
 */
export default async function setup(project: TestProject) {
  const logger = pino({ level: 'warn' });
  const serverUrl = testSettings.databaseUrl;
  let stop = async () => undefined as void;
  let baseUrl: string;
  if (serverUrl) {
    baseUrl = serverUrl;
  } else {
    const dir = path.join(os.tmpdir(), `tend-test-pg-${process.pid}`);
    const embedded = await startEmbeddedPostgres({ dir, database: 'postgres', logger, durable: false });
    baseUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
      await fs.rm(`${dir}.password`, { force: true });
    };
  }
  const template = `tend_template_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${template}`);
  const templateUrl = withDatabase(baseUrl, template);
  await migrateDatabase(templateUrl, appRolePassword(templateUrl));
  const jobs = await startJobs(templateUrl, [MAIL_QUEUE], logger, false);
  await jobs.stop();
  project.provide('templateUrl', templateUrl);
  project.provide('masterKey', crypto.randomBytes(32).toString('base64'));

  return async () => {
    const leftovers = await admin.query<{ datname: string }>(`select datname from pg_database where datname like 'tend_t_%' or datname = $1`, [template]);
    for (const row of leftovers.rows) await admin.query(`drop database if exists ${row.datname} with (force)`).catch(() => undefined);
    await admin.end();
    await stop();
  };
}
