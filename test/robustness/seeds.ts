import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';
import { dockerfile, kubernetesDocument } from '../../scripts/bench/generate.mjs';

/** An input for the analyzer: a workspace-like path (so detection by name works) and its text. */
export interface Seed {
  /** Path under /ws, e.g. /ws/examples/deploy/cinder-api.yaml */
  path: string;
  text: string;
  /** Where it came from (repo-relative file, or `generated:…`). */
  origin: string;
}

const MAX_SEED_BYTES = 200_000;

function walk(dir: string, out: string[]): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== '.git') walk(p, out);
    } else if (e.isFile()) out.push(p);
  }
}

/** Every fixture folder under test/ (test/fixtures/** and test/<area>/**\/fixtures/**). */
function fixtureDirs(): string[] {
  const dirs: string[] = [];
  const visit = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const p = path.join(d, e.name);
      if (e.name === 'fixtures') dirs.push(p);
      else if (e.name !== 'node_modules') visit(p);
    }
  };
  const t = path.join(ROOT, 'test');
  if (fs.existsSync(t)) visit(t);
  return dirs;
}

/** Files of examples/ and the test fixtures that Dockyard might analyse (text, not huge). */
export function repoSeeds(): Seed[] {
  const files: string[] = [];
  walk(path.join(ROOT, 'examples'), files);
  for (const d of fixtureDirs()) walk(d, files);
  const seeds: Seed[] = [];
  for (const f of files) {
    const buf = fs.readFileSync(f);
    if (buf.length > MAX_SEED_BYTES || buf.includes(0)) continue;
    if (/\.(json|tsv|png|jpg|gz|tar|crt|pem|key|md)$/i.test(f)) continue;
    const rel = path.relative(ROOT, f).split(path.sep).join('/');
    seeds.push({ path: `/ws/${rel}`, text: buf.toString('utf8'), origin: rel });
  }
  return seeds;
}

/** A few generated inputs of every kind, so the seeds cover the rules even without fixtures. */
export function generatedSeeds(): Seed[] {
  const out: Seed[] = [];
  for (let i = 0; i < 8; i++) out.push({ path: `/ws/deploy/gen-${i}.yaml`, text: kubernetesDocument(i * 13 + 4), origin: `generated:kubernetesDocument(${i * 13 + 4})` });
  out.push({ path: '/ws/deploy/multi.yaml', text: [0, 1, 2, 3].map((i) => kubernetesDocument(i)).join('---\n'), origin: 'generated:multi' });
  out.push({ path: '/ws/images/gen/Dockerfile', text: dockerfile({ instructions: 60, seed: 3 }), origin: 'generated:dockerfile(60)' });
  return out;
}

/** True when a path is a Helm chart template (what the host would tell the analyzer). */
export function isChartTemplate(p: string): boolean {
  return /\/templates\/[^/]+$/.test(p);
}
