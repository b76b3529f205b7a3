import { test, describe } from 'node:test';
import { ROOT } from '../../lsp/client';
import { DEPRECATION_ROWS } from '../../../server/src/core/kubernetes/deprecations-data';
import { lifecycleOf, parseDeprecationsTsv, userNotes } from '../../../server/src/core/kubernetes/lifecycle';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

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
