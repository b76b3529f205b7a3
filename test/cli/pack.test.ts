// The server and CLI installed from a release tarball (`npm pack`), as docs/editors.md tells: the
// package holds the bundled dist/ (no dependencies to fetch), so it installs offline into a prefix and
// both commands run from there. The package is "private" (not published), which does not stop packing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { spawn } from 'node:child_process';
import { ROOT } from '../lsp/client';

const npm = (args: string[], cwd: string) => {
  const r = spawnSync('npm', [...args, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.status, 0, `npm ${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

test('npm pack → npm install --prefix (offline) → dockyard lint and dockyard-language-server --stdio run from the install', { timeout: 180_000 }, async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-pack-'));
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    // --ignore-scripts: `prepare` patches the checkout's dev dependencies, nothing a package needs.
    npm(['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT);
    const tgz = path.join(tmp, `dockyard-${pkg.version}.tgz`);
    assert.ok(fs.existsSync(tgz));
    const listed = spawnSync('tar', ['tzf', tgz], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    for (const f of ['package/dist/server.js', 'package/dist/cli.js', 'package/dist/lint-worker.js', 'package/docs/rules.md', 'package/docs/editors.md', 'package/README.md']) assert.ok(listed.includes(f), `${f} is packed`);
    assert.ok(listed.some((f) => f.startsWith('package/dist/schema/')), 'the schema data is packed');
    assert.ok(!listed.some((f) => /^package\/(server|client|test|node_modules|scripts)\//.test(f) || f === 'package/dist/client.js'), listed.filter((f) => !f.startsWith('package/dist/schema/')).join('\n'));

    const prefix = path.join(tmp, 'prefix');
    npm(['install', '-g', '--ignore-scripts', '--prefix', prefix, tgz], tmp);
    const bin = path.join(prefix, 'bin');
    const pod = path.join(tmp, 'pod.yaml');
    fs.writeFileSync(pod, 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n');
    const lint = spawnSync(path.join(bin, 'dockyard'), ['lint', '--format', 'json', pod], { encoding: 'utf8', cwd: tmp });
    assert.equal(lint.status, 1, lint.stderr);
    const findings = JSON.parse(lint.stdout).files[0].diagnostics.map((f: { rule: string; range: { start: { line: number } } }) => `${f.rule}@${f.range.start.line}`);
    assert.ok(findings.includes('privileged-container@9'), findings.join());

    // The language server from the same install, over stdio.
    const proc = spawn(path.join(bin, 'dockyard-language-server'), ['--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const published = new Promise<{ diagnostics: { code: string }[] }>((resolve) => conn.onNotification('textDocument/publishDiagnostics', resolve));
    conn.onRequest(() => null);
    conn.listen();
    try {
      const init = (await conn.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(tmp).toString(), capabilities: {} })) as { serverInfo: { name: string; version: string } };
      assert.deepEqual(init.serverInfo, { name: 'dockyard-language-server', version: pkg.version });
      await conn.sendNotification('initialized', {});
      await conn.sendNotification('textDocument/didOpen', { textDocument: { uri: pathToFileURL(pod).toString(), languageId: 'yaml', version: 1, text: fs.readFileSync(pod, 'utf8') } });
      const p = await published;
      assert.ok(p.diagnostics.some((d) => d.code === 'privileged-container'));
      await conn.sendRequest('shutdown');
      await conn.sendNotification('exit');
    } finally {
      conn.dispose();
      proc.kill();
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
