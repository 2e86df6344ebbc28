import path from 'node:path';

/**
 * A module (apps/server/src/modules/<name>) may import another module only through its index.ts.
 * Platform code must not import modules at all: the dependency points from modules to platform.
 * One exception, from ARCHITECTURE §2 ("foreign keys excepted"): a `*.table.ts` may import another
 * module's `*.table.ts` to declare a foreign key; drizzle-kit loads table files without the app.
 */
const MODULES = `${path.sep}apps${path.sep}server${path.sep}src${path.sep}modules${path.sep}`;
const PLATFORM = `${path.sep}apps${path.sep}server${path.sep}src${path.sep}platform${path.sep}`;

const moduleOf = (file) => {
  const at = file.indexOf(MODULES);
  return at === -1 ? null : file.slice(at + MODULES.length).split(path.sep)[0];
};

export const moduleBoundaries = {
  meta: {
    type: 'problem',
    messages: { deep: "Import '{{module}}' through its index.ts, not '{{source}}'", platform: 'Platform code must not depend on a domain module ({{source}})' },
  },
  create(context) {
    const file = context.filename;
    const own = moduleOf(file);
    const inPlatform = file.includes(PLATFORM);
    return {
      ImportDeclaration(node) {
        const source = node.source.value;
        if (typeof source !== 'string' || !source.startsWith('.')) return;
        const target = path.resolve(path.dirname(file), source);
        const targetModule = moduleOf(`${target}${path.sep}`);
        if (!targetModule) return;
        if (inPlatform) return context.report({ node, messageId: 'platform', data: { source } });
        if (targetModule === own) return;
        const rest = target
          .slice(target.indexOf(MODULES) + MODULES.length)
          .split(path.sep)
          .slice(1);
        if (rest.length === 0 || (rest.length === 1 && rest[0] === 'index')) return;
        if (file.endsWith('.table.ts') && rest.length === 1 && rest[0].endsWith('.table')) return;
        context.report({ node, messageId: 'deep', data: { module: targetModule, source } });
      },
    };
  },
};
