/**
 * Shared by the headless Neovim and Emacs suites: the configuration blocks of docs/editors.md (the
 * tests run exactly what the doc shows), a workspace with a manifest and a Dockerfile, and a PATH on
 * which `dockyard-language-server` is the checkout's dist/server.js (as `npm install -g` of the
 * packed tarball would put it).
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT } from './workbench';

export { ROOT };
export const RESULTS = join(ROOT, 'test-results/e2e');

/** The fenced block after `<!-- tested: NAME -->` in docs/editors.md. */
export function docBlock(name: string): string {
  const doc = readFileSync(join(ROOT, 'docs/editors.md'), 'utf8');
  const m = new RegExp(`<!-- tested: ${name} -->\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!m) throw new Error(`docs/editors.md has no block marked <!-- tested: ${name} -->`);
  return m[1] + '\n';
}

export const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  automountServiceAccountToken: false
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;

export const DOCKERFILE = `FROM ubuntu:24.04
RUN apt-get update
RUN make
USER 1000
`;

export function workspace(prefix: string): { dir: string; bin: string; home: string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(dir, 'deploy'));
  writeFileSync(join(dir, 'deploy/pod.yaml'), POD);
  writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  const shim = join(bin, 'dockyard-language-server');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist/server.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  const home = join(dir, '.home');
  mkdirSync(home);
  return { dir, bin, home };
}

/** An editor binary on PATH, or undefined. */
export function which(cmd: string): string | undefined {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Why an editor suite cannot run (undefined when it can). Under `npm run test:e2e` (DOCKYARD_E2E=1) a missing editor fails instead. */
export function editorSkip(cmd: string, pkg: string): string | false {
  if (which(cmd)) return false;
  const msg = `${cmd} is not installed (Debian: apt-get install ${pkg}; scripts/e2e/install-code-server.sh installs it)`;
  if (process.env.DOCKYARD_E2E === '1' || process.env.CI) throw new Error(msg);
  return msg;
}
