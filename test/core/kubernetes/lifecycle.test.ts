import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lint, only, r, applyFix } from '../../helpers';
import { ROOT } from '../../lsp/client';
import { DEPRECATION_ROWS } from '../../../server/src/core/kubernetes/deprecations-data';
import { lifecycleOf, parseDeprecationsTsv, userNotes } from '../../../server/src/core/kubernetes/lifecycle';

describe('lifecycle data', () => {
  test('the embedded rows match data/kubernetes/deprecations.tsv', () => {
    const tsv = fs.readFileSync(path.join(ROOT, 'data/kubernetes/deprecations.tsv'), 'utf8');
    const rows = parseDeprecationsTsv(tsv);
    assert.equal(rows.length, 78);
    assert.deepEqual([...DEPRECATION_ROWS], rows);
  });

  test('the parser rejects malformed rows', () => {
    assert.throws(() => parseDeprecationsTsv('a\tb\n'), /unexpected header/);
    assert.throws(() => parseDeprecationsTsv('group_version\tkind\tremoved_in\treplacement\tmechanical\tnotes\nv1\tX\t1.2\n'), /3 columns/);
    assert.throws(() => parseDeprecationsTsv('group_version\tkind\tremoved_in\treplacement\tmechanical\tnotes\nv1\tX\t1.2\tv2\tmaybe\tn\n'), /yes or no/);
  });

  test('status relative to the selected version', () => {
    assert.equal(lifecycleOf('apps/v1', 'Deployment', '1.35'), undefined);
    assert.equal(lifecycleOf('extensions/v1beta1', 'Deployment', '1.35')!.removed, true);
    assert.equal(lifecycleOf('extensions/v1beta1', 'Deployment', '1.15')!.removed, false);
    assert.equal(lifecycleOf('extensions/v1beta1', 'Deployment', '1.16')!.removed, true);
    assert.equal(lifecycleOf('v1', 'Endpoints', '1.36')!.removed, false);
    const dc = lifecycleOf('resource.k8s.io/v1alpha2', 'ResourceClass', '1.35')!;
    assert.equal(dc.replacementApiVersion, 'resource.k8s.io/v1');
    assert.equal(dc.replacementKind, 'DeviceClass');
    assert.equal(lifecycleOf('policy/v1beta1', 'PodSecurityPolicy', '1.35')!.replacementApiVersion, undefined);
  });

  test('notes keep field changes and drop provenance remarks', () => {
    assert.equal(
      userNotes('src=guide; apps/v1 since 1.9; spec.rollbackTo removed; spec.selector required and immutable (use template labels; really)'),
      'apps/v1 since 1.9; spec.rollbackTo removed; spec.selector required and immutable (use template labels; really)',
    );
    assert.equal(userNotes('src=guide; v1 since 1.6; no notable changes'), 'v1 since 1.6');
  });
});

const DEPLOY_V1BETA1 = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

describe('removed-api', () => {
  test('extensions/v1beta1 Deployment: error on the apiVersion value, field changes explained, no fix', () => {
    const all = lint(DEPLOY_V1BETA1);
    const f = only(all, 'removed-api');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(r(f[0]), [0, 12, 0, 30]);
    assert.equal(f[0].message.id, 'rule.removed-api.changes');
    assert.equal(f[0].message.args!.replacement, 'apps/v1');
    assert.equal(f[0].message.args!.removedIn, '1.16');
    assert.match(String(f[0].message.args!.notes), /spec\.selector required and immutable/);
    assert.doesNotMatch(String(f[0].message.args!.notes), /src=/);
    assert.equal(f[0].fixes, undefined);
    // no unknown-kind and no schema findings on a removed API
    assert.equal(all.filter((x) => x.rule.startsWith('schema-') || x.rule === 'unknown-kind').length, 0);
  });

  test('a mechanical move: the fix rewrites apiVersion (fixAll) and the finding goes away', () => {
    const text = 'apiVersion: "rbac.authorization.k8s.io/v1beta1" # old\nkind: ClusterRole\nmetadata: {name: r}\nrules: []\n';
    const f = only(lint(text), 'removed-api');
    assert.deepEqual(r(f[0]), [0, 12, 0, 47]);
    assert.equal(f[0].message.id, 'rule.removed-api.mechanical');
    assert.equal(f[0].fixes![0].tier, 'safe');
    assert.deepEqual(f[0].fixes![0].title, { id: 'rule.removed-api.fixTitle', args: { replacement: 'rbac.authorization.k8s.io/v1' } });
    const fixed = applyFix(text, f[0]);
    assert.equal(fixed, 'apiVersion: "rbac.authorization.k8s.io/v1" # old\nkind: ClusterRole\nmetadata: {name: r}\nrules: []\n');
    const after = lint(fixed);
    assert.deepEqual(after.filter((x) => x.severity === 'error' || x.severity === 'warning'), []);
  });

  test('no replacement: PodSecurityPolicy', () => {
    const f = only(lint('apiVersion: policy/v1beta1\nkind: PodSecurityPolicy\nmetadata: {name: p}\n'), 'removed-api');
    assert.equal(f[0].message.id, 'rule.removed-api.none');
    assert.match(String(f[0].message.args!.notes), /Pod Security Admission/);
  });

  test('a replacement kind: ResourceClass → DeviceClass, no fix', () => {
    const f = only(lint('apiVersion: resource.k8s.io/v1alpha2\nkind: ResourceClass\nmetadata: {name: p}\n'), 'removed-api');
    assert.equal(f[0].message.id, 'rule.removed-api.changes');
    assert.equal(f[0].message.args!.replacement, 'resource.k8s.io/v1 DeviceClass');
    assert.equal(f[0].fixes, undefined);
  });
});

describe('deprecated-api', () => {
  test('an older selected version: not yet removed → deprecated warning with the removal version', () => {
    const f = lint(DEPLOY_V1BETA1, '/ws/d.yaml', { kubernetes: { version: '1.15' } });
    assert.equal(only(f, 'removed-api').length, 0);
    const d = only(f, 'deprecated-api');
    assert.equal(d.length, 1);
    assert.equal(d[0].severity, 'warning');
    assert.deepEqual(r(d[0]), [0, 12, 0, 30]);
    assert.equal(d[0].message.id, 'rule.deprecated-api.removal.changes');
    assert.equal(d[0].message.args!.removedIn, '1.16');
    assert.equal(only(f, 'unknown-kind').length, 0);
  });

  test('deprecated and still served: v1 Endpoints', () => {
    const text = 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: e}\nsubsets: []\n';
    const f = lint(text);
    const d = only(f, 'deprecated-api');
    assert.deepEqual(d.map((x) => [r(x), x.message.id, x.message.args!.replacement]), [[[0, 12, 0, 14], 'rule.deprecated-api.served.changes', 'discovery.k8s.io/v1 EndpointSlice']]);
    assert.equal(only(f, 'schema-unknown-field').length, 0); // still validated, and valid
  });

  test('removed in 1.36, served by 1.35: deprecated at 1.35 (mechanical fix offered only when the target is served)', () => {
    const text = 'apiVersion: scheduling.k8s.io/v1alpha1\nkind: Workload\nmetadata: {name: w}\n';
    const at35 = only(lint(text, '/ws/w.yaml', { kubernetes: { version: '1.35' } }), 'deprecated-api');
    assert.equal(at35.length, 1);
    assert.equal(at35[0].message.id, 'rule.deprecated-api.removal.changes');
    const at36 = only(lint(text, '/ws/w.yaml', { kubernetes: { version: '1.36' } }), 'removed-api');
    assert.equal(at36.length, 1);
  });

  test('a current apiVersion gets no lifecycle finding', () => {
    const f = lint('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {selector: {}, template: {}}\n');
    assert.equal(only(f, 'deprecated-api').length + only(f, 'removed-api').length, 0);
  });
});
