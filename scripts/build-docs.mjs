// Writes docs/rules.md from the rule registry and the message catalog, and package.json's settings
// (contributes.configuration) from server/src/core/config/settings.ts: one source of truth each.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'out/docs-entry.js');
await build({ entryPoints: [join(root, 'scripts/lib/docs-entry.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'warning' });
mkdirSync(join(root, 'docs'), { recursive: true });
const r = spawnSync(process.execPath, [out, join(root, 'docs/rules.md'), join(root, 'package.json')], { stdio: 'inherit' });
rmSync(out, { force: true });
process.exit(r.status ?? 1);
