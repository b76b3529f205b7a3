// A chart's values (model/helm-chart.ts): the override files are parsed when first asked for, in
// file order, and one that does not parse is skipped as if it were not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHelmChart } from '../../../server/src/core/model/helm-chart';

const file = (name: string, text: string) => ({ file: `c/${name}`, path: `/r/c/${name}`, text });

test('HelmOverrides: the first override (in file order) that passes, merged over the defaults; a broken file is skipped', () => {
  const chart = buildHelmChart('/r/c', 'k', file('values.yaml', 'conf:\n  a: false\n  keep: 1\n'), [
    file('values_overrides/0-broken.yaml', 'conf: [\n'),
    file('values_overrides/1-other.yaml', 'conf:\n  b: true\n'),
    file('values_overrides/2-a.yaml', 'conf:\n  a: yes\n'),
    file('values_overrides/3-a-too.yaml', 'conf:\n  a: true\n'),
  ]);
  const seen: string[] = [];
  const hit = chart.overrides.find((o) => {
    seen.push(o.file);
    return (o.value as { conf: { a: boolean } }).conf.a === true;
  });
  assert.equal(hit?.file, 'c/values_overrides/2-a.yaml');
  // Merged over the defaults, read as kubectl reads YAML (`yes` is true).
  assert.deepEqual(hit?.value, { conf: { a: true, keep: 1 } });
  // The broken file is never offered; files after the match are not looked at.
  assert.deepEqual(seen, ['c/values_overrides/1-other.yaml', 'c/values_overrides/2-a.yaml']);
  assert.equal(chart.overrides.find(() => false), undefined);
});

test('HelmOverrides: no defaults that parse, no overrides', () => {
  const chart = buildHelmChart('/r/c', 'k', file('values.yaml', 'a: [\n'), [file('values_overrides/x.yaml', 'a: 1\n')]);
  assert.equal(chart.defaults, undefined);
  assert.equal(chart.overrides.find(() => true), undefined);
});
