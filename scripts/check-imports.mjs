#!/usr/bin/env node
// Dependency direction (shared/STYLE.md): apps import packages; packages never import apps;
// packages/metrics imports no web framework. Run by `npm run lint` and by a test.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const WEB = /^(fastify|@fastify\/|next|next\/|react|react-dom|express|kafkajs)/;
const IMPORT = /(?:^|\s)(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* files(dir) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === '.next') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(name)) yield path;
  }
}

export function checkImports() {
  const problems = [];
  for (const pkg of readdirSync(join(root, 'packages'))) {
    const src = join(root, 'packages', pkg, 'src');
    try {
      statSync(src);
    } catch {
      continue;
    }
    for (const file of files(src)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2];
        const where = relative(root, file);
        if (spec.startsWith('@stockpulse/') && ['ingest', 'dashboard'].includes(spec.split('/')[1])) problems.push(`${where}: a package imports the app ${spec}`);
        if (spec.startsWith('.') && resolve(dirname(file), spec).startsWith(join(root, 'apps'))) problems.push(`${where}: a package imports app code ${spec}`);
        if (pkg === 'metrics' && WEB.test(spec)) problems.push(`${where}: packages/metrics imports the web framework ${spec}`);
      }
    }
  }
  return problems;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkImports();
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? 'imports: dependency direction ok' : `imports: ${problems.length} problem(s)`);
  process.exit(problems.length === 0 ? 0 : 1);
}
