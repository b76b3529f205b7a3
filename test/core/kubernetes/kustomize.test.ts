// Issue #17: kustomize. A base and two overlays (test/fixtures/kustomize: generators, namePrefix,
// nameSuffix, patches of every kind) linted as one workspace through the service and the host's
// confined repository files: exact findings of both kustomize rules, the patched result seen by the
// security rules, no false missing-reference or duplicate-resource.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DockyardService } from '../../../server/src/core/service';
import { createRegistry } from '../../../server/src/core/rules';
import { createNodeHost } from '../../../server/src/host/node-host';
import { format } from '../../../server/src/core/messages/catalog';
import { ROOT } from '../../lsp/client';

const FIXTURE = path.join(ROOT, 'test/fixtures/kustomize');

async function lintTree(root: string, dir: string) {
  const registry = createRegistry();
  const service = new DockyardService({ host: createNodeHost({ knownRules: new Set(registry.ids()), roots: () => [root] }), registry });
  const r = await service.lint([dir]);
  return r.files.flatMap((f) =>
    f.findings.map((x) => `${path.relative(dir, f.path)}:${x.range.start.line + 1}:${x.range.start.character + 1}-${x.range.end.line + 1}:${x.range.end.character + 1} ${x.rule} ${format(x.message)}`),
  );
}

test('kustomize fixture: exact findings of kustomize-missing-resource and kustomize-patch-target, the patched object judged, nothing else', async () => {
  const got = await lintTree(ROOT, FIXTURE);
  assert.deepEqual(got, [
    'overlays/prod/kustomization.yaml:6:5-6:18 kustomize-missing-resource resources entry "../../nowhere" does not exist.',
    'overlays/prod/kustomization.yaml:7:5-7:17 kustomize-missing-resource resources entry "missing.yaml" does not exist.',
    'overlays/prod/kustomization.yaml:11:5-11:15 kustomize-missing-resource patches entry "ghost.yaml" does not exist.',
    'overlays/prod/kustomization.yaml:13:11-13:26 kustomize-patch-target The patch targets Deployment "application", which no resource of this kustomization defines.',
    'overlays/prod/kustomization.yaml:16:13-16:16 kustomize-patch-target The patch targets Deployment "api", which no resource of this kustomization defines.',
    'overlays/prod/kustomization.yaml:24:9-24:24 kustomize-missing-resource generator entry "prod.properties" does not exist.',
    // debug.yaml sets privileged: true on the base's hardened container: only that, on the patch's line.
    'overlays/staging/debug.yaml:11:13-11:29 privileged-container Container "web" runs privileged (securityContext.privileged: true).',
  ]);
  // Named on purpose: generated ConfigMaps/Secrets (plain, prefixed, suffixed) satisfy references,
  // and patches of the same Deployment in one overlay are not duplicates.
  assert.ok(!got.some((l) => / (missing-reference|duplicate-resource|schema-required) /.test(l)));
});

test('kustomize: without the kustomization the same files give the false findings it removes', async () => {
  // The proof the test above can fail: copy the tree without the kustomization files.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-kust-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  for (const k of ['base', 'overlays/staging', 'overlays/prod']) fs.rmSync(path.join(dir, k, 'kustomization.yaml'));
  const got = await lintTree(dir, dir);
  assert.ok(got.includes('base/deployment.yaml:27:23-27:33 missing-reference ConfigMap "app-config" (envFrom) is not defined in the workspace.'), got.join('\n'));
  assert.ok(got.some((l) => l.startsWith('overlays/staging/replicas.yaml:4:9') && l.includes('duplicate-resource')));
  assert.ok(got.some((l) => l.startsWith('overlays/prod/limits.yaml:') && l.includes('run-as-root')));
});

test('kustomize: a strategic-merge patch that weakens the base is judged on the merged object; nothing else in the overlay', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-kust-'));
  fs.cpSync(FIXTURE, dir, { recursive: true });
  // The staging debug patch drops the capability drop and lets the container escalate.
  fs.writeFileSync(
    path.join(dir, 'overlays/staging/debug.yaml'),
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          securityContext:\n            allowPrivilegeEscalation: true\n',
  );
  const got = (await lintTree(dir, dir)).filter((l) => l.startsWith('overlays/staging/'));
  assert.deepEqual(got, ['overlays/staging/debug.yaml:11:13-11:43 privilege-escalation Container "web" allows privilege escalation (allowPrivilegeEscalation: true).']);
});

test('kustomize: paths leaving the repository are reported and never read', async () => {
  const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-outside-'));
  fs.writeFileSync(path.join(outside, 'secret.yaml'), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n');
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-repo-'));
  fs.mkdirSync(path.join(repo, 'k'));
  const rel = path.relative(path.join(repo, 'k'), path.join(outside, 'secret.yaml'));
  fs.writeFileSync(path.join(repo, 'k/kustomization.yaml'), `resources:\n  - ${rel}\n`);
  // A link inside the repository to a folder outside it is outside too.
  fs.symlinkSync(outside, path.join(repo, 'k/linked'));
  fs.appendFileSync(path.join(repo, 'k/kustomization.yaml'), '  - linked/secret.yaml\n');
  const got = await lintTree(repo, repo);
  assert.deepEqual(got, [
    `k/kustomization.yaml:2:5-2:${5 + rel.length} kustomize-missing-resource resources entry "${rel}" lies outside the repository; Dockyard does not read it.`,
    'k/kustomization.yaml:3:5-3:23 kustomize-missing-resource resources entry "linked/secret.yaml" lies outside the repository; Dockyard does not read it.',
  ]);
});
