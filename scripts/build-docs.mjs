// `npm run docs`: everything derived from a single declaration, written in order:
//  1. server/src/core/messages/en/rules.generated.ts — the English catalog of the rule definitions;
//  2. docs/rules.md — from the registry and the catalog (bundled again, so it reads step 1's file);
//  3. package.json contributes.configuration (and yamlValidation) — from server/src/core/config/settings.ts;
//  4. schemas/dockyard.schema.json — the JSON Schema of .dockyard.yaml, from the same declaration.
// Tests fail when any of them is stale.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'out/docs-entry.js');
mkdirSync(join(root, 'docs'), { recursive: true });
mkdirSync(join(root, 'schemas'), { recursive: true });
const steps = [
  ['catalog', join(root, 'server/src/core/messages/en/rules.generated.ts')],
  ['rules', join(root, 'docs/rules.md')],
  ['settings', join(root, 'package.json')],
  ['schema', join(root, 'schemas/dockyard.schema.json')],
];
for (const [mode, target] of steps) {
  await build({ entryPoints: [join(root, 'scripts/lib/docs-entry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
  const r = spawnSync(process.execPath, [out, mode, target], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
rmSync(out, { force: true });
