import pg from 'pg';
import type { Logger } from 'pino';
import { isDatabaseShuttingDown } from '../db/shutdown';
import { type FieldCrypto, KEY_EVENTS_CHANNEL } from './field-crypto';

const RETRY_MS = 1000;

/**
 * Crypto-shredding across instances. Each instance keeps unwrapped data keys in memory; when one instance
 * destroys a client's key (erasure), every other instance must stop using its copy, or that client's remaining
 * ciphertext would stay readable there. `destroyUserKey` sends the key ids with NOTIFY in its transaction
 * (delivered only if it commits); this connection of the instance's own LISTENs and forgets those keys. After
 * any gap in listening a notice may have been missed, so it then forgets every cached key (they reload on use).
 */
export function followKeyEvents(url: string, crypto: Pick<FieldCrypto, 'forgetKeys'>, logger: Logger): { ready: Promise<void>; stop(): Promise<void> } {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let firstConnect: (() => void) | undefined;
  const ready = new Promise<void>((resolve) => (firstConnect = resolve));

  const reconnectLater = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      void connect();
    }, RETRY_MS);
  };

  async function connect() {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === KEY_EVENTS_CHANNEL && message.payload) crypto.forgetKeys(message.payload.split(','));
    });
    next.on('error', (error) => {
      if (isDatabaseShuttingDown(error)) logger.info('data key events: the database is shutting down; reconnecting');
      else logger.warn({ err: error }, 'data key events: connection lost; reconnecting');
      reconnectLater();
    });
    next.on('end', () => {
      if (client === next) client = null;
      reconnectLater();
    });
    try {
      await next.connect();
      await next.query(`listen ${KEY_EVENTS_CHANNEL}`);
    } catch (error) {
      logger.warn({ err: error }, 'data key events: cannot listen yet; retrying');
      await next.end().catch(() => undefined);
      reconnectLater();
      return;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    // Whatever was destroyed while no one listened: read every key again on its next use.
    crypto.forgetKeys();
    firstConnect?.();
    firstConnect = undefined;
  }

  void connect();
  return {
    ready,
    async stop() {
      stopped = true;
      clearTimeout(retry);
      firstConnect?.();
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
