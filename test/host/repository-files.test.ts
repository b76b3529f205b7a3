import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RepositoryFiles } from '../../server/src/host/repository-files';
import { HADOLINT_CONFIG_NAMES } from '../../server/src/core/service';

function tree(files: Record<string, string>): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-repo-')));
  for (const [p, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
    if (text === '<dir>') fs.mkdirSync(path.join(dir, p));
    else fs.writeFileSync(path.join(dir, p), text);
  }
  return dir;
}

test('finds the nearest .hadolint.yaml upward, up to the repository root (the folder with .git)', () => {
  const d = tree({ '.hadolint.yaml': 'ignored: [DL3000]\n', 'repo/.git/HEAD': 'ref', 'repo/.hadolint.yml': 'ignored: [DL3008]\n', 'repo/images/api/Dockerfile': 'FROM x\n' });
  const files = new RepositoryFiles();
  const found = files.find(path.join(d, 'repo/images/api/Dockerfile'), HADOLINT_CONFIG_NAMES)!;
  assert.equal(found.path, path.join(d, 'repo/.hadolint.yml'));
  assert.equal(found.text, 'ignored: [DL3008]\n');
  // .hadolint.yaml wins over .hadolint.yml in the same folder (hadolint's order).
  fs.writeFileSync(path.join(d, 'repo/images/.hadolint.yaml'), 'ignored: [DL3015]\n');
  files.invalidate();
  assert.equal(files.find(path.join(d, 'repo/images/api/Dockerfile'), HADOLINT_CONFIG_NAMES)!.path, path.join(d, 'repo/images/.hadolint.yaml'));
});

test('never above the repository: a .hadolint.yaml outside it is not read', () => {
  const d = tree({ '.hadolint.yaml': 'ignored: [DL3000]\n', 'repo/.git/HEAD': 'ref', 'repo/Dockerfile': 'FROM x\n' });
  assert.equal(new RepositoryFiles().find(path.join(d, 'repo/Dockerfile'), HADOLINT_CONFIG_NAMES), undefined);
});

test('without .git: the workspace folder containing the file bounds the search, else the file\'s own folder', () => {
  const d = tree({ '.hadolint.yaml': 'ignored: [DL3000]\n', 'ws/sub/Dockerfile': 'FROM x\n' });
  assert.equal(new RepositoryFiles(() => [path.join(d, 'ws')]).find(path.join(d, 'ws/sub/Dockerfile'), HADOLINT_CONFIG_NAMES), undefined);
  assert.equal(new RepositoryFiles(() => [d]).find(path.join(d, 'ws/sub/Dockerfile'), HADOLINT_CONFIG_NAMES)!.path, path.join(d, '.hadolint.yaml'));
  assert.equal(new RepositoryFiles().find(path.join(d, 'ws/sub/Dockerfile'), HADOLINT_CONFIG_NAMES), undefined);
});

test('a link that leads out of the repository is refused; re-reads a changed file', () => {
  const outside = tree({ 'secret.yaml': 'ignored: [DL3008]\n' });
  const d = tree({ '.git/HEAD': 'ref', 'Dockerfile': 'FROM x\n' });
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(d, '.hadolint.yaml'));
  const files = new RepositoryFiles();
  assert.equal(files.find(path.join(d, 'Dockerfile'), HADOLINT_CONFIG_NAMES), undefined);
  fs.unlinkSync(path.join(d, '.hadolint.yaml'));
  fs.writeFileSync(path.join(d, '.hadolint.yaml'), 'ignored: [DL3008]\n');
  files.invalidate();
  assert.equal(files.find(path.join(d, 'Dockerfile'), HADOLINT_CONFIG_NAMES)!.text, 'ignored: [DL3008]\n');
  fs.writeFileSync(path.join(d, '.hadolint.yaml'), 'ignored: [DL3008, DL3015]\n');
  assert.equal(files.find(path.join(d, 'Dockerfile'), HADOLINT_CONFIG_NAMES)!.text, 'ignored: [DL3008, DL3015]\n');
  // Relative (untitled) paths have no repository.
  assert.equal(files.find('Dockerfile', HADOLINT_CONFIG_NAMES), undefined);
});
