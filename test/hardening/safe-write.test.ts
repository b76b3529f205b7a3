// Issue #12: scaffold (and every other write) refuses symbolic links and targets outside its
// folder, writes atomically, and never changes the mode of an existing file. 0.1 followed a link
// found at a target path, wrote (and chmod 755'd) outside the output folder, and with --force
// overwrote the link's target.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { safeWriteFile, UnsafeWriteError } from '../../server/src/host/safe-write';

const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8' });

function withTmp(fn: (dir: string) => void): void {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-write-')));
  try {
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('scaffold --force refuses a symbolic link at a target path: the link target is untouched', () => {
  withTmp((dir) => {
    fs.mkdirSync(path.join(dir, 'elsewhere'));
    const victim = path.join(dir, 'elsewhere', 'crontab');
    fs.writeFileSync(victim, 'precious\n', { mode: 0o600 });
    fs.mkdirSync(path.join(dir, 'out'));
    fs.symlinkSync(victim, path.join(dir, 'out', 'build-cinder.sh'));
    const r = cli(dir, 'scaffold', 'image', 'cinder', '--out', 'out', '--force');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot write out\/build-cinder\.sh: out\/build-cinder\.sh is a symbolic link/);
    assert.equal(fs.readFileSync(victim, 'utf8'), 'precious\n');
    assert.equal(fs.statSync(victim).mode & 0o777, 0o600, 'no chmod 755 of the link target');
  });
});

test('scaffold without --force counts a dangling link as taken; a linked subfolder is refused', () => {
  withTmp((dir) => {
    fs.mkdirSync(path.join(dir, 'out'));
    fs.symlinkSync(path.join(dir, 'nowhere', 'x'), path.join(dir, 'out', 'Dockerfile'));
    const r = cli(dir, 'scaffold', 'image', 'cinder', '--out', 'out');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /out\/Dockerfile/);
    assert.ok(!fs.existsSync(path.join(dir, 'nowhere')), 'nothing was created through the link');
  });
  withTmp((dir) => {
    fs.mkdirSync(path.join(dir, 'outside'));
    fs.mkdirSync(path.join(dir, 'out'));
    fs.symlinkSync(path.join(dir, 'outside'), path.join(dir, 'out', 'sub'));
    assert.throws(() => safeWriteFile(path.join(dir, 'out'), path.join(dir, 'out', 'sub', 'f.yaml'), 'x'), (e: unknown) => e instanceof UnsafeWriteError && e.reason === 'symlink');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'outside')), []);
    assert.throws(() => safeWriteFile(path.join(dir, 'out'), path.join(dir, 'f.yaml'), 'x'), (e: unknown) => e instanceof UnsafeWriteError && e.reason === 'outside');
  });
});

test('an existing file keeps its mode on overwrite; a new script is 755, other new files 644; no temp file is left', () => {
  withTmp((dir) => {
    assert.equal(cli(dir, 'scaffold', 'image', 'glance', '--out', 'out').status, 0);
    const script = path.join(dir, 'out', 'build-glance.sh');
    assert.equal(fs.statSync(script).mode & 0o777, 0o755);
    assert.equal(fs.statSync(path.join(dir, 'out', 'Dockerfile')).mode & 0o777, 0o644);
    fs.chmodSync(script, 0o700);
    fs.chmodSync(path.join(dir, 'out', 'README.md'), 0o600);
    fs.writeFileSync(path.join(dir, 'out', 'README.md'), 'old\n');
    assert.equal(cli(dir, 'scaffold', 'image', 'glance', '--out', 'out', '--force').status, 0);
    assert.equal(fs.statSync(script).mode & 0o777, 0o700);
    assert.equal(fs.statSync(path.join(dir, 'out', 'README.md')).mode & 0o777, 0o600);
    assert.notEqual(fs.readFileSync(path.join(dir, 'out', 'README.md'), 'utf8'), 'old\n');
    assert.deepEqual(fs.readdirSync(path.join(dir, 'out')).filter((n) => n.endsWith('.tmp')), []);
  });
});
