import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = { [key: string]: string | Messages };

/** Every message key, with a plural's forms folded into one (Ukrainian has more forms than English). */
function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => {
    const name = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    return typeof value === 'string' ? [name] : keys(value, `${name}.`);
  });
}

const here = import.meta.dirname;
const read = (file: string) => JSON.parse(readFileSync(path.join(here, file), 'utf8')) as Messages;
const englishFiles = readdirSync(here).filter((file) => file === 'en.json' || file.endsWith('.en.json'));

describe('the Ukrainian and English messages', () => {
  it.each(englishFiles)('%s has a Ukrainian twin with the same keys', (file) => {
    const twin = file.replace(/en\.json$/, 'uk.json');
    expect([...new Set(keys(read(twin)))].sort()).toEqual([...new Set(keys(read(file)))].sort());
  });

  it('no two files share a top-level key (they are merged shallowly, so one would hide the other)', () => {
    const owners = new Map<string, string>();
    for (const file of englishFiles) {
      for (const key of Object.keys(read(file))) {
        expect(owners.get(key), `${key} in ${file} and ${owners.get(key)}`).toBeUndefined();
        owners.set(key, file);
      }
    }
  });
});
