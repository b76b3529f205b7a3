// Issue #12 (safe writes): `dockyard fix` writes atomically, keeps a file's mode, never writes through a
// symbolic link to a file outside the workspace, and never rewrites a file that is not valid UTF-8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: demo\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n';

function tmp(): string {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-fixw-')));
}

test('fix refuses a symbolic link to a file outside the workspace (visible, exit 2), writes through one that stays inside', () => {
  const outside = tmp();
  const ws = tmp();
  fs.mkdirSync(path.join(ws, '.git'));
  fs.writeFileSync(path.join(outside, 'victim.yaml'), POD);
  fs.symlinkSync(path.join(outside, 'victim.yaml'), path.join(ws, 'evil.yaml'));
  fs.mkdirSync(path.join(ws, 'real'));
  fs.writeFileSync(path.join(ws, 'real', 'pod.yaml'), POD);
  fs.symlinkSync(path.join(ws, 'real', 'pod.yaml'), path.join(ws, 'alias.yaml'));
  const r = run(['fix', '--fail-on', 'never', 'evil.yaml', 'alias.yaml'], ws);
  assert.equal(r.status, 2, r.stdout + r.stderr);
  assert.match(r.stderr, /evil\.yaml is a symbolic link to a file outside the workspace \(.*\): not written/);
  assert.match(r.stderr, /evil\.yaml: fixes not written/);
  assert.equal(fs.readFileSync(path.join(outside, 'victim.yaml'), 'utf8'), POD, 'the target outside is untouched');
  assert.match(fs.readFileSync(path.join(ws, 'real', 'pod.yaml'), 'utf8'), /type: RuntimeDefault/, 'the link inside the workspace is written through');
  assert.ok(fs.lstatSync(path.join(ws, 'alias.yaml')).isSymbolicLink(), 'the link stays a link');
  assert.deepEqual(fs.readdirSync(path.join(ws, 'real')), ['pod.yaml'], 'no temporary file left');
});

test('fix keeps the mode of the file it rewrites, its CRLF line ends, and never rewrites invalid UTF-8', () => {
  const ws = tmp();
  fs.mkdirSync(path.join(ws, '.git'));
  const crlf = POD.replace(/\n/g, '\r\n');
  fs.writeFileSync(path.join(ws, 'pod.yaml'), crlf);
  fs.chmodSync(path.join(ws, 'pod.yaml'), 0o600);
  // Valid non-ASCII text around one invalid byte: a Latin-1 round trip would corrupt the "é" and "ü".
  const bad = Buffer.concat([Buffer.from(POD.replace('demo', 'd\u00e9mo-\u00fcber'), 'utf8'), Buffer.from('# \xff\n', 'latin1')]);
  fs.writeFileSync(path.join(ws, 'bad.yaml'), bad);
  const r = run(['fix', '--fail-on', 'never', '.'], ws);
  assert.equal(r.status, 0, r.stderr);
  const fixed = fs.readFileSync(path.join(ws, 'pod.yaml'), 'utf8');
  assert.match(fixed, /type: RuntimeDefault/);
  assert.ok(!/[^\r]\n/.test(fixed), 'CRLF kept on every line');
  assert.equal(fs.statSync(path.join(ws, 'pod.yaml')).mode & 0o777, 0o600);
  assert.deepEqual(fs.readFileSync(path.join(ws, 'bad.yaml')), bad, 'the file that is not UTF-8 is byte for byte the same');
  assert.match(r.stderr, /bad\.yaml: not valid UTF-8, left as it is/);
});
