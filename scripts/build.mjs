// Bundles the extension client, the language server and the CLI with esbuild, builds the compact
// Kubernetes schema, and bundles every test file. `--production` minifies and skips the tests.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { patchProblems } from './patch-deps.mjs';

const root = new URL('..', import.meta.url).pathname;
const production = process.argv.includes('--production');
// `--if-missing` (package.json `prepare`): build only when there is no dist/cli.js yet, so that a
// checkout installed with npm (the pre-commit hook's `language: node`) has a CLI to run.
if (process.argv.includes('--if-missing') && existsSync(join(root, 'dist', 'cli.js'))) process.exit(0);
const noTests = production || process.argv.includes('--no-tests');
/** A test group's entry (a folder of test files, see below) and the header line naming its files. */
const TEST_GROUP = 'dockyard-test-group:';
export const GROUP_HEADER = 'dockyard test group:';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
/**
 * `yaml` from its published platform-neutral build (`browser/`, the `default` of its exports map;
 * same release, same code), not its Node build: the Node build's Parser reads
 * `process.env.LOG_TOKENS` once per lexical token (a getenv under a lock in Node), ~10% of the CPU
 * of opening a 10,000-line manifest in the server. The other differences are debug logging
 * (`LOG_STREAM`) and warnings through `console.warn` instead of `process.emitWarning` (stderr both).
 */
const yamlBuild = {
  name: 'yaml-platform-neutral-build',
  setup(b) {
    b.onResolve({ filter: /^yaml$/ }, () => ({ path: join(root, 'node_modules/yaml/browser/index.js') }));
  },
};
const common = {
  define: { __VERSION__: JSON.stringify(pkg.version) },
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [yamlBuild],
};

// The dependencies must be exactly the releases patches/ was made for, with the patches applied
// (npm's prepare runs scripts/patch-deps.mjs): never bundle an unpatched or other release.
const problems = patchProblems(root);
if (problems.length) {
  console.error('\nbuild stopped: the installed dependencies do not match patches/:');
  for (const m of problems) console.error(`  - ${m}`);
  console.error('');
  process.exit(1);
}

mkdirSync(join(root, 'dist'), { recursive: true });
if (existsSync(join(root, 'scripts/build-schema.mjs'))) {
  const r = spawnSync(process.execPath, [join(root, 'scripts/build-schema.mjs')], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

await Promise.all([
  build({ ...common, entryPoints: [join(root, 'client/src/extension.ts')], outfile: join(root, 'dist/client.js'), external: ['vscode'] }),
  build({ ...common, entryPoints: [join(root, 'server/src/main.ts')], outfile: join(root, 'dist/server.js'), banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: [join(root, 'server/src/cli.ts')], outfile: join(root, 'dist/cli.js'), banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: [join(root, 'server/src/lint-worker.ts')], outfile: join(root, 'dist/lint-worker.js') }),
]);
for (const f of ['dist/server.js', 'dist/cli.js']) chmodSync(join(root, f), 0o755);

if (!noTests) {
  // Bundles of deleted or renamed tests must not linger and run old code.
  rmSync(join(root, 'out/test'), { recursive: true, force: true });
  const entries = [];
  const walk = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) {
        if (e !== 'fixtures' && e !== 'node_modules') walk(p);
      } else if (/\.(test|suite)\.ts$/.test(e) || (d.endsWith('/e2e') && /\.ts$/.test(e))) entries.push(p);
    }
  };
  if (existsSync(join(root, 'test'))) walk(join(root, 'test'));
  // Rule tests sit beside their rule (server/src/core/rules/<area>/<id>.test.ts).
  const beside = [];
  const walkSrc = (d) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walkSrc(p);
      else if (e.endsWith('.test.ts')) beside.push(p);
    }
  };
  walkSrc(join(root, 'server/src'));
  // The test files of one folder are one bundle (`<folder>.group.test.js` in that folder, so
  // `__dirname` is the same), run by one node process: a process and a copy of the core per test
  // file cost ~0.3 s each here, about half of `npm test`. The real-editor suites (e2e, vscode) stay
  // one bundle per file. A group's first line names its files (scripts/test.mjs selects by them).
  const all = [...entries, ...beside];
  const headers = [];
  const points = (files, base, outdir) => {
    const byDir = new Map();
    for (const f of files) {
      const key = /[\\/](e2e|vscode)$/.test(dirname(f)) ? f : dirname(f);
      byDir.set(key, [...(byDir.get(key) ?? []), f]);
    }
    return [...byDir.values()].map((group) => {
      if (group.length === 1) return { in: group[0], out: relative(base, group[0]).replace(/\.ts$/, '') };
      const d = dirname(group[0]);
      const out = join(relative(base, d), `${basename(d)}.group.test`);
      headers.push({ file: join(outdir, `${out}.js`), names: group.map((f) => basename(f)).sort() });
      return { in: `${TEST_GROUP}${d}`, out };
    });
  };
  const groups = {
    name: 'test-groups',
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${TEST_GROUP}`) }, (a) => ({ path: a.path.slice(TEST_GROUP.length), namespace: 'test-group' }));
      b.onLoad({ filter: /.*/, namespace: 'test-group' }, (a) => ({
        contents: all.filter((f) => dirname(f) === a.path).sort().map((f) => `import ${JSON.stringify(f)};`).join('\n'),
        resolveDir: a.path,
        loader: 'ts',
      }));
    },
  };
  const besidePoints = points(beside, join(root, 'server/src'), join(root, 'out/test/src'));
  const testPoints = points(entries, join(root, 'test'), join(root, 'out/test'));
  // scripts/patch-deps.mjs reads import.meta.url only when run as a script; tests bundle it as CJS and pass the root.
  const tests = { ...common, plugins: [yamlBuild, groups], packages: 'external', sourcemap: 'inline', logOverride: { 'empty-import-meta': 'silent' } };
  if (beside.length) await build({ ...tests, entryPoints: besidePoints, outdir: join(root, 'out/test/src') });
  if (entries.length) await build({ ...tests, entryPoints: testPoints, outdir: join(root, 'out/test'), external: ['vscode'] });
  for (const h of headers) writeFileSync(h.file, `// ${GROUP_HEADER} ${h.names.join(' ')}\n${readFileSync(h.file, 'utf8')}`);
  console.log(`built ${entries.length + beside.length} test files in ${besidePoints.length + testPoints.length} bundles`);
}
console.log(`build done (${production ? 'production' : 'development'}): ${relative(root, join(root, 'dist'))}/`);
