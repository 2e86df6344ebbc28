import crypto from 'node:crypto';
import { classifyStream } from './risk-classify';

const USAGE = `Usage: npm run tend -- <command>

  audit verify           recompute every audit hash chain; exits 1 and names the first bad row
  keys rotate-master     make a new master key and rewrap every data key with it
                         (embedded: written to <DATA_DIR>/master.key, old key kept for running instances;
                          with TEND_MASTER_KEY: prints the new key to set, keep the old one in
                          TEND_MASTER_KEY_PREVIOUS until every instance has restarted)
  risk classify          read JSON lines {"id","text"} on stdin, write {"id","level","language","matched"}
                         per line to stdout with the local risk classifier; a bad line gets
                         {"id":null,"error":"..."}; needs no database or configuration
`;

async function main(argv: string[]): Promise<number> {
  const command = argv.join(' ');
  switch (command) {
    case 'risk classify':
      await classifyStream(process.stdin, process.stdout);
      return 0;
    case 'audit verify': {
      const { config, logger, startRuntime, verifyAuditChains } = await withRuntime();
      const runtime = await startRuntime({ ...config, role: 'api' }, logger);
      try {
        const result = await verifyAuditChains(runtime.db.owner);
        if (result.ok) {
          process.stdout.write(`audit log intact: ${result.rows} rows in ${result.chains} chains\n`);
          return 0;
        }
        const bad = result.first_bad;
        process.stdout.write(`AUDIT LOG TAMPERED: row ${bad?.id} (org ${bad?.org_id ?? 'platform'}, seq ${bad?.seq}): ${bad?.reason}\n`);
        return 1;
      } finally {
        await runtime.stop();
      }
    }
    case 'keys rotate-master': {
      const { config, logger, startRuntime, masterKeyFrom, masterKeySource, parseMasterKey, recordAudit, systemContext } = await withRuntime();
      const runtime = await startRuntime({ ...config, role: 'api' }, logger);
      try {
        const next = config.masterKey ? masterKeyFrom(crypto.randomBytes(32)) : null;
        const source = masterKeySource(config);
        const fresh = next ?? masterKeyFrom(crypto.randomBytes(32));
        // Persist first (embedded): a crash after rewrapping must never leave keys wrapped by a lost KEK.
        if (!config.masterKey && source.promote) await source.promote(fresh);
        const count = await runtime.db.inContext(systemContext, async (tx) => {
          const rewrapped = await runtime.crypto.rewrapAll(tx, fresh);
          await recordAudit(
            tx,
            { userId: null, orgId: null, requestId: `cli-${crypto.randomUUID()}`, ip: null },
            { action: 'keys.rotate_master', resourceType: 'master_key', resourceId: fresh.id, purpose: 'security', details: { rewrapped } },
          );
          return rewrapped;
        });
        process.stdout.write(`rewrapped ${count} data keys with master key ${fresh.id}\n`);
        if (config.masterKey) {
          process.stdout.write(
            `Set TEND_MASTER_KEY=${fresh.key.toString('base64')}\nand TEND_MASTER_KEY_PREVIOUS=${parseMasterKey(config.masterKey).key.toString('base64')} until every instance restarted.\n`,
          );
        }
        return 0;
      } finally {
        await runtime.stop();
      }
    }
    default:
      process.stdout.write(USAGE);
      return command ? 2 : 0;
  }
}

/** Config and the database runtime, loaded only by the commands that need them. */
async function withRuntime() {
  const [{ loadConfig }, audit, keyring, database, observability, runtime] = await Promise.all([
    import('../config'),
    import('../platform/audit'),
    import('../platform/crypto/keyring'),
    import('../platform/db/database'),
    import('../platform/observability/logger'),
    import('../platform/runtime'),
  ]);
  const config = loadConfig(undefined, { seedDemo: false });
  return {
    config,
    logger: observability.createLogger(config.logLevel),
    startRuntime: runtime.startRuntime,
    masterKeySource: runtime.masterKeySource,
    verifyAuditChains: audit.verifyAuditChains,
    recordAudit: audit.recordAudit,
    masterKeyFrom: keyring.masterKeyFrom,
    parseMasterKey: keyring.parseMasterKey,
    systemContext: database.systemContext,
  };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
