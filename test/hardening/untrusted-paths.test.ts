// Issue #12 (untrusted configuration): paths a repository's `.dockyard.yaml` or build definitions name
// (kubernetes.crdSchemas, loci.path, EXTRA_BINDEP) are read only inside the repository root (the git
// root, else the folder of the `.dockyard.yaml`), symbolic links resolved; `--allow-path DIR` widens
// that. A refused path is a visible warning naming the setting, never silence.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, 'lint', '--fail-on', 'never', '--format', 'json', ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
const LOCI = path.join(ROOT, 'data', 'loci');

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  names: {kind: Widget, plural: widgets}
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec: {type: object, properties: {size: {type: integer}}}
`;

const BUILD = (extra: string) =>
  '#!/bin/sh\ndocker build https://opendev.org/openstack/loci.git --build-arg PROJECT=nova --build-arg PROJECT_REF=stable/2025.1 ' +
  '--build-arg FROM=quay.io/airshipit/base:2025.1-ubuntu_noble_loci --build-arg WHEELS=quay.io/airshipit/requirements:2025.1-ubuntu_noble_loci ' +
  `--build-arg PROFILES="fluent zzprofile yyprofile"${extra} --tag nova\n`;

/** repo/ (a git checkout) and outside/ beside it: a loci checkout with an extra profile, a CRD, a bindep-extra file. */
function layout(dockyardYaml: string, build: string): { top: string; repo: string } {
  const top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-paths-')));
  const repo = path.join(top, 'repo');
  const outside = path.join(top, 'outside');
  fs.mkdirSync(path.join(repo, '.git'), { recursive: true });
  fs.mkdirSync(outside);
  for (const f of ['bindep.txt', 'pydep.txt']) fs.copyFileSync(path.join(LOCI, f), path.join(outside, f));
  fs.appendFileSync(path.join(outside, 'bindep.txt'), 'zzspecial [platform:dpkg zzprofile]\n');
  fs.writeFileSync(path.join(outside, 'bindep-extra.txt'), 'yyspecial [platform:dpkg yyprofile]\n');
  fs.writeFileSync(path.join(outside, 'crd.yaml'), CRD);
  fs.writeFileSync(path.join(repo, '.dockyard.yaml'), dockyardYaml);
  fs.writeFileSync(path.join(repo, 'build.sh'), build);
  fs.writeFileSync(path.join(repo, 'widget.yaml'), 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: "big"}\n---\napiVersion: example.com/v1\nkind: Gadget\nmetadata: {name: g}\n');
  return { top, repo };
}

interface Out {
  files: { path: string; diagnostics: { rule: string; message: string }[] }[];
}
const rulesOf = (stdout: string, file: string) => (JSON.parse(stdout) as Out).files.filter((f) => f.path.endsWith(file)).flatMap((f) => f.diagnostics.map((x) => x.rule)).sort();
const profilesFlagged = (stdout: string) =>
  (JSON.parse(stdout) as Out).files.flatMap((f) => f.diagnostics.filter((x) => x.rule === 'loci-unknown-profile').map((x) => /"([a-z]+)"/.exec(x.message)?.[1])).sort();

test('crdSchemas at /etc/passwd, ../../x and a sibling folder, loci.path ../outside: refused with a warning naming the setting', () => {
  const { repo } = layout('loci:\n  path: ../outside\nkubernetes:\n  crdSchemas:\n    Widget: ../outside/crd.yaml\n    Gadget: /etc/passwd\n    Gizmo: ../../x.yaml\n', BUILD(''));
  fs.appendFileSync(path.join(repo, 'widget.yaml'), '---\napiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: z}\n');
  const r = run(['.'], repo);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /warning: kubernetes\.crdSchemas names \/etc\/passwd, outside the repository \(.*\): not read \(--allow-path DIR allows a folder\)/);
  assert.match(r.stderr, /warning: kubernetes\.crdSchemas names .*\/x\.yaml, outside the repository/);
  assert.match(r.stderr, /warning: kubernetes\.crdSchemas names .*\/outside\/crd\.yaml, outside the repository/);
  assert.match(r.stderr, /warning: loci\.path names .*\/outside, outside the repository/);
  // Nothing of the files was read: the Widget is not validated, the loci profile is unknown.
  assert.deepEqual(rulesOf(r.stdout, 'widget.yaml'), ['unknown-kind', 'unknown-kind', 'unknown-kind']);
  assert.deepEqual(profilesFlagged(r.stdout), ['yyprofile', 'zzprofile']);
});

test('--allow-path honours the sibling folder (the CRD validates, the loci checkout defines its profile); /etc/passwd stays refused', () => {
  const { repo } = layout('loci:\n  path: ../outside\nkubernetes:\n  crdSchemas:\n    Widget: ../outside/crd.yaml\n    Gadget: /etc/passwd\n', BUILD(''));
  const r = run(['--allow-path', '../outside', '.'], repo);
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /outside\/crd\.yaml|loci\.path/);
  assert.match(r.stderr, /kubernetes\.crdSchemas names \/etc\/passwd/);
  assert.deepEqual(rulesOf(r.stdout, 'widget.yaml'), ['schema-type', 'unknown-kind']);
  assert.deepEqual(profilesFlagged(r.stdout), ['yyprofile']);
});

test('EXTRA_BINDEP leading out of the repository is refused (named), honoured with --allow-path; a symlink inside the repository to outside counts as outside', () => {
  const build = BUILD(' --build-arg EXTRA_BINDEP=../../outside/bindep-extra.txt');
  const { top, repo } = layout('loci:\n  path: ./loci\nkubernetes:\n  crdSchemas:\n    Widget: crd-link.yaml\n', build);
  fs.mkdirSync(path.join(repo, 'loci'));
  for (const f of ['bindep.txt', 'pydep.txt']) fs.copyFileSync(path.join(top, 'outside', f), path.join(repo, 'loci', f));
  fs.symlinkSync(path.join(top, 'outside', 'crd.yaml'), path.join(repo, 'crd-link.yaml'));
  const refused = run(['build.sh', 'widget.yaml'], repo);
  assert.match(refused.stderr, /warning: EXTRA_BINDEP names .*\/outside\/bindep-extra\.txt, outside the repository/);
  assert.match(refused.stderr, /warning: kubernetes\.crdSchemas names crd-link\.yaml, outside the repository/);
  // (an EXTRA file that cannot be read keeps unknown profiles quiet: they may be defined there)
  assert.deepEqual(profilesFlagged(refused.stdout), []);
  assert.deepEqual(rulesOf(refused.stdout, 'widget.yaml'), ['unknown-kind']);
  const allowed = run(['--allow-path', path.join(top, 'outside'), 'build.sh', 'widget.yaml'], repo);
  assert.equal(allowed.stderr, '');
  assert.deepEqual(rulesOf(allowed.stdout, 'widget.yaml'), ['schema-type']);
  assert.deepEqual(profilesFlagged(allowed.stdout), []);
});
