import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Plugin, transformWithEsbuild } from 'vite';

/**
 * Emits `/sw.js`: the hand-written worker in src/offline, headed by the list of files that make up the app
 * shell (every built file and everything in public/) and a version that changes whenever any of them does,
 * so a new build installs a new worker and drops the old shell. No library, no install scripts (ADR 0014).
 */
export function serviceWorker(source: string): Plugin {
  let publicDir = '';
  let indexHtml = '';
  return {
    name: 'tend-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
      indexHtml = path.join(config.root, 'index.html');
    },
    async generateBundle(_options, bundle) {
      const hash = createHash('sha256').update(fs.readFileSync(indexHtml));
      const files = new Set<string>(['/']);
      for (const [fileName, output] of Object.entries(bundle)) {
        if (fileName.endsWith('.map')) continue;
        // A LiveKit call needs the network anyway: its ~600 kB client is fetched when a call opens, not precached.
        if (!/^assets\/livekit(-call)?-[\w-]+\.js$/.test(fileName)) files.add(`/${fileName}`);
        hash.update(fileName).update(output.type === 'chunk' ? output.code : output.source);
      }
      for (const fileName of publicFiles(publicDir)) {
        files.add(`/${fileName}`);
        hash.update(fileName).update(fs.readFileSync(path.join(publicDir, fileName)));
      }
      const worker = await transformWithEsbuild(fs.readFileSync(source, 'utf8'), source, { minify: true, target: 'es2022' });
      const head = `const SHELL_VERSION=${JSON.stringify(hash.digest('hex').slice(0, 16))};const SHELL_FILES=${JSON.stringify([...files].sort())};`;
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: head + worker.code });
    },
  };
}

function publicFiles(dir: string): string[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
