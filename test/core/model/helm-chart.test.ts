// A chart's values (model/helm-chart.ts): the override files are parsed when first asked for, in
// file order, and one that does not parse is skipped as if it were not there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildHelmChart, mergeValues, overrideMayChange } from '../../../server/src/core/model/helm-chart';
import { valueAtPath } from '../../../server/src/core/model/helm-template';
import { parseYaml } from '../../../server/src/core/model/yparse';
import { toValue, type ParsedYaml, type Reader } from '../../../server/src/core/model/ynode';

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

test('overrideMayChange: decided from the text only when no top-level key could spell the path otherwise', () => {
  const conf = [['conf', 'a']];
  assert.equal(overrideMayChange('images:\n  tags: {a: b}\n', conf), false);
  assert.equal(overrideMayChange('# header\n---\nimages:\n  x: "\\u0063"\n...\n', conf), false, 'a backslash in a nested value');
  assert.equal(overrideMayChange('images: {}\nconf: null\n', conf), true, 'mentions the segment');
  assert.equal(overrideMayChange('images: {}\n"\\x63onf": {a: true}\n', conf), true, 'a double-quoted top-level key with escapes');
  assert.equal(overrideMayChange('x: &m {"\\x63onf": 1}\n<<: *m\n', conf), true, 'a merge key at the top, of a map with an escaped key');
  assert.equal(overrideMayChange('x: &m {conf: 1}\n<<: *m\n', [['other']]), false, 'merged keys are written out in the text too');
  assert.equal(overrideMayChange('- a\n', conf), true, 'a sequence replaces the whole values');
  assert.equal(overrideMayChange('just text\n', conf), true, 'a scalar replaces the whole values');
  assert.equal(overrideMayChange('# only comments\n', conf), true);
  assert.equal(overrideMayChange('yes: {a: 1}\n', [['true', 'a']]), true, '`yes:` is the key "true" for kubectl');
  assert.equal(overrideMayChange('0x10: 1\n', [['16']]), true, 'a number key');
  assert.equal(overrideMayChange('a: 1\n', [[]]), true, 'the whole values are read');
  assert.equal(overrideMayChange('- a\n', []), false, 'nothing of the values is read');
});

test('overrideMayChange: when it says no, the merged values hold the same value at the path (or the file is skipped)', () => {
  const base = { conf: { a: false, b: { c: 1 } }, images: { tags: { x: 'y' } }, true: { a: 1 }, '16': 2 };
  const paths = [['conf', 'a'], ['conf', 'b', 'c'], ['images', 'tags', 'x'], ['true', 'a'], ['16'], ['missing', 'x']];
  const texts = [
    'images:\n  tags: {x: z}\n',
    'conf:\n  a: true\n',
    'conf: null\n',
    'conf: [1]\n',
    'other: 1\n',
    '"\\x63onf": {a: true}\n',
    'x: &m {conf: {a: true}}\n<<: *m\n',
    'x: &m {"\\x63onf": {a: true}}\n<<: *m\n',
    'x: &m {"\\x63onf": {a: true}}\nmore: 1\n',
    '*a: 1\n',
    '? conf\n: {a: true}\n',
    '- conf\n',
    'plain scalar\n',
    '',
    '# c\n---\nimages: {tags: {}}\n...\n',
    'yes: {a: 2}\n',
    'on: {a: 2}\n',
    '0x10: 3\n',
    '020: 3\n',
    'images:\n  x: |\n    "\\x63onf": 1\n',
    'a: "multi\nline"\n',
    '{conf: {a: true}}\n',
    '[1, 2]\n',
    "'conf': {a: true}\n",
    'images: {}\n---\nconf: {a: true}\n',
    '--- |\n  text\n',
  ];
  let decided = 0;
  for (const text of texts) {
    // What HelmOverrides reads: undefined when the file does not parse (skipped), {} when empty.
    const doc = parseYaml(text, 'kubernetes');
    let over: unknown;
    try {
      over = doc.errors.length ? undefined : (toValue(doc.contents, 'kubernetes') ?? {});
    } catch {
      over = undefined;
    }
    for (const p of paths) {
      if (overrideMayChange(text, [p])) continue;
      decided++;
      if (over === undefined) continue;
      assert.deepEqual(valueAtPath(mergeValues(base, over), p), valueAtPath(base, p), `${JSON.stringify(text)} at ${p.join('.')}`);
    }
  }
  assert.ok(decided > 20, `${decided}`);
});

test('HelmOverrides.find with the paths it reads: an override that cannot change them is not parsed; the same answer', () => {
  const overrides = [
    file('values_overrides/0-images.yaml', 'images:\n  tags: {a: "\\u0062"}\n'),
    file('values_overrides/1-list.yaml', '- a\n'),
    file('values_overrides/2-conf.yaml', 'conf:\n  a: yes\n'),
  ];
  const parsed: string[] = [];
  const parser = (text: string, reader: Reader | undefined): ParsedYaml => {
    parsed.push(text);
    return parseYaml(text, reader);
  };
  const defaults = file('values.yaml', 'conf:\n  a: false\n');
  const isOn = (o: { value: unknown }) => valueAtPath(o.value, ['conf', 'a']) === true;
  const isOff = (o: { value: unknown }) => valueAtPath(o.value, ['conf', 'a']) !== false;
  const chart = buildHelmChart('/r/c', 'k', defaults, overrides, undefined, parser);
  assert.equal(chart.overrides.find(isOn, [['conf', 'a']])?.file, 'c/values_overrides/2-conf.yaml');
  // The images file is skipped unread; the list (it replaces the whole values) and conf are parsed.
  assert.deepEqual(parsed.slice(1), [overrides[1].text, overrides[2].text]);
  // A sequence of values reads `conf.a` as absent (not false): found without the filter and with it.
  const again = buildHelmChart('/r/c', 'k', defaults, overrides, undefined, parser);
  assert.equal(again.overrides.find(isOff)?.file, 'c/values_overrides/1-list.yaml');
  assert.equal(buildHelmChart('/r/c', 'k', defaults, overrides).overrides.find(isOff, [['conf', 'a']])?.file, 'c/values_overrides/1-list.yaml');
});
