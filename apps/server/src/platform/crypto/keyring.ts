import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** A master key (KEK). Its id is derived from the key so wrapped rows say which KEK wrapped them. */
export type MasterKey = { id: string; key: Buffer };

export function masterKeyFrom(material: Buffer): MasterKey {
  if (material.length !== 32) throw new Error('A master key is 32 bytes (base64 or hex encoded)');
  return { id: crypto.createHash('sha256').update(material).digest('hex').slice(0, 16), key: material };
}

export function parseMasterKey(text: string): MasterKey {
  const trimmed = text.trim();
  const material = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, 'hex') : Buffer.from(trimmed, 'base64');
  return masterKeyFrom(material);
}

/**
 * The master keys this process can unwrap with: the current one first, then previous ones kept
 * during a rotation. Embedded mode keeps them in `<dataDir>/master.key` (one per line, mode 0600).
 */
export type MasterKeySource = {
  load(): Promise<MasterKey[]>;
  /** Makes `next` current, keeping the old ones for instances that have not reloaded yet. */
  promote?(next: MasterKey): Promise<void>;
};

export function envMasterKeys(current: string, previous?: string): MasterKeySource {
  return { load: async () => [current, ...(previous ? [previous] : [])].map(parseMasterKey) };
}

export function fileMasterKeys(dataDir: string): MasterKeySource {
  const file = path.join(dataDir, 'master.key');
  const read = async () => {
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    return text
      ? text
          .split('\n')
          .filter((l) => l.trim())
          .map(parseMasterKey)
      : null;
  };
  return {
    async load() {
      const keys = await read();
      if (keys?.length) return keys;
      await fs.mkdir(dataDir, { recursive: true });
      const fresh = crypto.randomBytes(32);
      await fs.writeFile(file, `${fresh.toString('base64')}\n`, { mode: 0o600, flag: 'wx' }).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      return (await read()) ?? [];
    },
    async promote(next) {
      const keys = (await read()) ?? [];
      const lines = [next, ...keys.filter((k) => k.id !== next.id)].map((k) => k.key.toString('base64'));
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, `${lines.join('\n')}\n`, { mode: 0o600 });
      await fs.rename(tmp, file);
    },
  };
}
