import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config';
import { createTokenService, type TokenService } from './auth/tokens';
import { createMailer, MAIL_QUEUE, type Mailer } from './channels/mailer';
import { createPushSender, type PushSender } from './channels/push';
import { createTwilioSender, type SmsSender } from './channels/sms';
import { loadVapidKeys } from './channels/vapid';
import { createFieldCrypto, type FieldCrypto } from './crypto/field-crypto';
import { followKeyEvents } from './crypto/key-events';
import { envMasterKeys, fileMasterKeys, type MasterKeySource } from './crypto/keyring';
import { appRolePassword, appUrlFrom, createDatabase, type Database, migrateDatabase, systemContext } from './db/database';
import { isAlive, startEmbeddedPostgres } from './db/embedded';
import { type Jobs, startJobs } from './jobs/jobs';
import { createRelay } from './realtime/relay';
import type { BlobStore } from './storage/blob-store';
import { createLocalStore } from './storage/local-store';
import { createS3Store } from './storage/s3-store';
import { createVideoProvider, type VideoProvider } from './video';

/** Everything the app needs that outlives a request: database, keys, tokens, jobs, mail. */
export type Runtime = {
  db: Database;
  ownerUrl: string;
  crypto: FieldCrypto;
  masterKeys: MasterKeySource;
  tokens: TokenService;
  jobs: Jobs;
  mailer: Mailer;
  /** Twilio when configured; null keeps SMS in the delivery log. */
  sms: SmsSender | null;
  push: PushSender;
  /** Real-time events to users' sockets; Socket.IO attaches after the server listens. */
  relay: ReturnType<typeof createRelay>;
  /** Sealed case files. */
  storage: BlobStore;
  /** LiveKit when configured; null means the built-in 1:1 call. */
  video: VideoProvider | null;
  stop(): Promise<void>;
};

export function masterKeySource(config: Config): MasterKeySource {
  return config.masterKey ? envMasterKeys(config.masterKey, config.previousMasterKey) : fileMasterKeys(config.dataDir);
}

/** Whether the process recorded in `<dataDir>/tend.pid` (a running `npm start`) is alive. */
export async function dataDirOwnerAlive(dataDir: string): Promise<boolean> {
  const pid = Number(await fs.readFile(path.join(dataDir, 'tend.pid'), 'utf8').catch(() => ''));
  return Boolean(pid) && pid !== process.pid && isAlive(pid);
}

/** Starts (or connects to) PostgreSQL, migrates, loads keys and starts the job queue. */
export async function startRuntime(config: Config, logger: Logger): Promise<Runtime> {
  const embedded = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dir: `${config.dataDir}/postgres`, database: 'tend', logger, ownerAlive: () => dataDirOwnerAlive(config.dataDir) });
  const ownerUrl = config.databaseUrl ?? (embedded as NonNullable<typeof embedded>).url;
  try {
    return await startOn(config, ownerUrl, logger, async () => embedded?.stop());
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

async function startOn(config: Config, ownerUrl: string, logger: Logger, stopDatabase: () => Promise<void>): Promise<Runtime> {
  const password = appRolePassword(ownerUrl);
  await migrateDatabase(ownerUrl, password);
  const db = createDatabase(ownerUrl, config.databaseAppUrl ?? appUrlFrom(ownerUrl, password), config.dbPoolSize);
  const masterKeys = masterKeySource(config);
  const crypto = createFieldCrypto(masterKeys);
  await db.inContext(systemContext, (tx) => crypto.init(tx));
  const keyEvents = followKeyEvents(ownerUrl, crypto, logger);
  await keyEvents.ready;
  try {
    const [current] = await masterKeys.load();
    const tokens = createTokenService((current as NonNullable<typeof current>).key);
    const runWorkers = config.role !== 'api';
    const jobs = await startJobs(ownerUrl, [MAIL_QUEUE], logger, runWorkers);
    const mailer = createMailer({ db, crypto, jobs, smtpUrl: config.smtpUrl, from: config.mailFrom, logger });
    await jobs.work<{ id: string }>(MAIL_QUEUE, (data) => mailer.deliver(data.id));
    const push = createPushSender(await loadVapidKeys(db, crypto, config.vapid));
    return {
      db,
      ownerUrl,
      crypto,
      masterKeys,
      tokens,
      jobs,
      mailer,
      sms: config.twilio ? createTwilioSender(config.twilio) : null,
      push,
      relay: createRelay(),
      storage: config.s3 ? createS3Store(config.s3) : createLocalStore(path.join(config.dataDir, 'files')),
      video: createVideoProvider(config),
      async stop() {
        await jobs.stop().catch((error: unknown) => logger.warn({ err: error }, 'job queue did not stop cleanly'));
        await keyEvents.stop();
        await db.close();
        await stopDatabase();
      },
    };
  } catch (error) {
    // Nothing else may keep the process alive when the start fails.
    await keyEvents.stop();
    throw error;
  }
}

export { startOn as startRuntimeOn };
