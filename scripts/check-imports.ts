// Enforces the import rule of docs/architecture.md: core never imports a module; a module reaches
// another only through its index.ts; domain/ code is pure; no import cycles.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve('src');
const files: string[] = [];
(function walk(dir: string) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (/\.tsx?$/.test(e.name)) files.push(p);
  }
})(root);

const problems: string[] = [];
const graph = new Map<string, string[]>();
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const PURE_BANNED = /^(fastify|@fastify\/|pg$|drizzle-orm|node:fs|node:net|node:http|exceljs|docx|preact)/;

const rel = (p: string) => path.relative(process.cwd(), p);
const moduleOf = (p: string) => {
  const m = /src\/modules\/([^/]+)\//.exec(p);
  return m ? m[1] : undefined;
};

for (const file of files) {
  const text = fs.readFileSync(file, 'utf8');
  const deps: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    if (!spec) continue;
    const isDomain = /\/domain\//.test(file) && !/\.test\.tsx?$/.test(file);
    const typeOnly = /^\s*(import|export)\s+type\s/.test(m[0]);
    if (!spec.startsWith('.')) {
      if (isDomain && PURE_BANNED.test(spec)) problems.push(`${rel(file)}: domain code must be pure but imports ${spec}`);
      continue;
    }
    const target = path.resolve(path.dirname(file), spec);
    deps.push(target);
    const inCore = file.startsWith(path.join(root, 'core'));
    const targetModule = moduleOf(target);
    if (inCore && targetModule) problems.push(`${rel(file)}: core must not import a module (${spec})`);
    const ownModule = moduleOf(file);
    if (targetModule && ownModule && targetModule !== ownModule && !/\/modules\/[^/]+\/index\.ts$/.test(target)) {
      problems.push(`${rel(file)}: reaches into module ${targetModule} (${spec}); import its index.ts instead`);
    }
    if (isDomain && !typeOnly && !/\/domain\//.test(target) && !/core\/(calendar\/working-days|validation\/|auth\/roles|auth\/policy|import-runs\/status)/.test(target)) {
      problems.push(`${rel(file)}: domain code may import only pure code, not ${spec}`);
    }
  }
  graph.set(file, deps);
}

// Cycles, by depth-first search over the relative-import graph (type-only imports included).
const state = new Map<string, 1 | 2>();
const stack: string[] = [];
function visit(f: string) {
  state.set(f, 1);
  stack.push(f);
  for (const d of graph.get(f) ?? []) {
    if (!graph.has(d)) continue;
    if (state.get(d) === 1) {
      const cycle = stack.slice(stack.indexOf(d)).concat(d).map(rel);
      // The manifest list imports modules which import core: only flag cycles across modules.
      if (new Set(cycle.map((c) => moduleOf(c) ?? 'core')).size > 1) problems.push(`import cycle: ${cycle.join(' → ')}`);
    } else if (!state.has(d)) visit(d);
  }
  stack.pop();
  state.set(f, 2);
}
for (const f of graph.keys()) if (!state.has(f)) visit(f);

if (problems.length) {
  process.stderr.write(`Import rule violations (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
  process.exit(1);
}
if (files.length === 0) {
  process.stderr.write('check-imports: no files checked\n');
  process.exit(1);
}
process.stdout.write(`Import rule holds for ${files.length} files.\n`);
