import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments } from 'yaml';
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  resolveCore,
  resolveKubernetes,
  resolvePyYaml,
  toValue,
  type YMap,
  type YScalar,
  type YSeq,
} from '../../../server/src/core/model/ynode';
import { parseYaml } from '../../../server/src/core/model/yparse';
import { YamlDocModel, getPair, getValue } from '../../../server/src/core/model/yaml';
import { applyFix, lint, only, r } from '../../helpers';

// go-yaml v2 resolve.go (what sigs.k8s.io/yaml, kubectl and the API server use): every form.
const KUBERNETES: [string, unknown][] = [
  // booleans (the resolve table's !!bool rows)
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((s) => [s, true] as [string, unknown]),
  ...['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((s) => [s, false] as [string, unknown]),
  // other spellings are strings
  ['yEs', 'yEs'],
  ['oN', 'oN'],
  ['tRue', 'tRue'],
  // null
  ['', null],
  ['~', null],
  ['null', null],
  ['Null', null],
  ['NULL', null],
  ['nULL', 'nULL'],
  // integers: decimal, signed, octal (leading 0), hex, binary, 0o, underscores
  ['0', 0],
  ['42', 42],
  ['+12', 12],
  ['-7', -7],
  ['0644', 420],
  ['-010', -8],
  ['0x1F', 31],
  ['0X1f', 31],
  ['-0x10', -16],
  ['0o17', 15],
  ['0b101', 5],
  ['-0b11', -3],
  ['1_000', 1000],
  ['0x_1F', 31],
  // not integers
  ['08', 8], // not octal: a float by the float pattern
  ['1:20', '1:20'], // base 60 is not supported by go-yaml
  ['190:20:30', '190:20:30'],
  ['0x', '0x'],
  ['0xZZ', '0xZZ'],
  ['12a', '12a'],
  // floats
  ['1.5', 1.5],
  ['1e3', 1000],
  ['-1.5E-2', -0.015],
  ['.5', 0.5],
  ['+.5', 0.5],
  ['1.', 1],
  ['.inf', Infinity],
  ['.Inf', Infinity],
  ['+.INF', Infinity],
  ['-.inf', -Infinity],
  ['.nan', NaN],
  ['.NaN', NaN],
  ['.NAN', NaN],
  ['.', '.'],
  ['1.2.3', '1.2.3'],
  ['1e400', '1e400'], // ParseFloat overflows: a string
  ['0x1p3', '0x1p3'],
  ['-', '-'],
  ['_1', '_1'],
  // timestamps stay text (the JSON kubectl sends carries them as strings)
  ['2001-12-14', '2001-12-14'],
  ['2001-12-14t21:59:43.10-05:00', '2001-12-14t21:59:43.10-05:00'],
  // merge key as a value is a string
  ['<<', '<<'],
  ['500m', '500m'],
  ['1Gi', '1Gi'],
];

const CORE: [string, unknown][] = [
  ['yes', 'yes'],
  ['on', 'on'],
  ['y', 'y'],
  ['NO', 'NO'],
  ['true', true],
  ['False', false],
  ['~', null],
  ['', null],
  ['0644', 644],
  ['0o14', 12],
  ['0x1F', 31],
  ['+12', 12],
  ['1_000', '1_000'],
  ['1:20', '1:20'],
  ['1e3', 1000],
  ['.inf', Infinity],
  ['-.Inf', -Infinity],
  ['.nan', NaN],
  ['2001-12-14', '2001-12-14'],
];

const PYYAML: [string, unknown][] = [
  ['yes', true],
  ['On', true],
  ['NO', false],
  ['off', false],
  ['y', 'y'], // PyYAML has no y/n booleans
  ['n', 'n'],
  ['0644', 420],
  ['0x1F', 31],
  ['0b101', 5],
  ['1_000', 1000],
  ['1:20', 80], // base 60
  ['-1:20', -80],
  ['1.5', 1.5],
  ['.inf', Infinity],
  ['~', null],
  ['2001-12-14', '2001-12-14'],
];

describe('resolvers: plain scalars as each reader reads them', () => {
  test('kubernetes (go-yaml v2): every form of the resolve table', () => {
    for (const [s, v] of KUBERNETES) assert.deepEqual(resolveKubernetes(s), v, JSON.stringify(s));
  });
  test('yaml12 / actions (YAML 1.2 core, as the yaml library reads it)', () => {
    for (const [s, v] of CORE) assert.deepEqual(resolveCore(s), v, JSON.stringify(s));
    // the same values as the yaml library's core schema
    for (const [s] of CORE) {
      const lib = parseAllDocuments(`k: ${s}\n`)[0].toJS() as { k: unknown };
      assert.deepEqual(resolveCore(s), lib.k === undefined ? null : lib.k, s);
    }
  });
  test('ansible (PyYAML, YAML 1.1)', () => {
    for (const [s, v] of PYYAML) assert.deepEqual(resolvePyYaml(s), v, JSON.stringify(s));
  });
  test('quoted and block scalars are strings for every reader; explicit !!str keeps text', () => {
    const text = 'a: "yes"\nb: \'on\'\nc: |\n  no\nd: !!str 0644\ne: 0644\n';
    for (const reader of ['kubernetes', 'yaml12', 'actions', 'ansible'] as const) {
      const v = toValue(parseYaml(text, reader).contents, reader) as Record<string, unknown>;
      assert.deepEqual([v.a, v.b, v.c, v.d], ['yes', 'on', 'no\n', '0644'], reader);
    }
    assert.equal((toValue(parseYaml('e: 0644\n', 'kubernetes').contents, 'kubernetes') as { e: number }).e, 420);
    assert.equal((toValue(parseYaml('e: 0644\n', 'yaml12').contents, 'yaml12') as { e: number }).e, 644);
  });
});

describe('the owned model', () => {
  test('offsets, styles, sources and values of every node kind', () => {
    const text = 'apiVersion: v1\nkind: Pod # c\nspec:\n  hostNetwork: yes\n  list: [a, "b", 0x10]\n  block: |\n    x\n  ref: &r {k: v}\n  again: *r\n';
    const m = new YamlDocModel(text);
    assert.equal(m.reader, 'kubernetes');
    const root = m.contents as YMap;
    assert.ok(isMap(root));
    assert.deepEqual(root.range, [0, text.length, text.length]);
    const kind = getValue(root, 'kind') as YScalar;
    assert.deepEqual([kind.value, kind.source, kind.type, kind.range], ['Pod', 'Pod', 'PLAIN', [21, 24, 29]]);
    const spec = getValue(root, 'spec') as YMap;
    const hn = getPair(spec, 'hostNetwork')!;
    assert.deepEqual([(hn.key as YScalar).range, (hn.value as YScalar).value, (hn.value as YScalar).source], [[37, 48, 48], true, 'yes']);
    assert.deepEqual(m.rangeOf(hn), { start: { line: 3, character: 2 }, end: { line: 3, character: 18 } });
    const list = getValue(spec, 'list') as YSeq;
    assert.ok(isSeq(list) && list.flow);
    assert.deepEqual(
      list.items.map((i) => [(i as YScalar).value, (i as YScalar).type, text.slice(i!.range[0], i!.range[1])]),
      [
        ['a', 'PLAIN', 'a'],
        ['b', 'QUOTE_DOUBLE', '"b"'],
        [16, 'PLAIN', '0x10'],
      ],
    );
    const block = getValue(spec, 'block') as YScalar;
    assert.deepEqual([block.value, block.type], ['x\n', 'BLOCK_LITERAL']);
    const again = getValue(spec, 'again');
    assert.ok(isAlias(again));
    assert.equal(again.source, 'r');
    assert.equal(again.target, getValue(spec, 'ref'));
    assert.deepEqual((m.value as { spec: unknown }).spec, { hostNetwork: true, list: ['a', 'b', 16], block: 'x\n', ref: { k: 'v' }, again: { k: 'v' } });
  });

  test('boolean and number keys are strings for kubectl; `on:` is the key "on" in a workflow', () => {
    const k = new YamlDocModel('apiVersion: v1\nkind: ConfigMap\ndata:\n  on: a\n  123: b\n');
    assert.deepEqual((k.value as { data: unknown }).data, { true: 'a', '123': 'b' });
    assert.equal(((getValue(k.contents as YMap, 'data') as YMap).items[0].key as YScalar).value, 'true');
    const w = new YamlDocModel('on:\n  push:\njobs:\n  b:\n    runs-on: ubuntu-latest\n');
    assert.equal(w.reader, 'actions');
    assert.deepEqual(Object.keys(w.value as object), ['on', 'jobs']);
    const compose = new YamlDocModel('services:\n  a:\n    tty: yes\n');
    assert.equal(compose.reader, 'yaml12');
    assert.equal((compose.value as { services: { a: { tty: unknown } } }).services.a.tty, 'yes');
    const play = new YamlDocModel('- hosts: all\n  become: yes\n  tasks: []\n');
    assert.equal(play.reader, 'ansible');
    assert.equal((play.value as { become: unknown }[])[0].become, true);
  });

  test('merge keys (YAML 1.1) for kubernetes; own keys win; a literal key in YAML 1.2', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nx: &d {a: "1", b: "2"}\ndata:\n  <<: *d\n  b: own\n';
    assert.deepEqual((new YamlDocModel(text).value as { data: unknown }).data, { a: '1', b: 'own' });
    const plain = parseYaml('x: &d {a: 1}\ny:\n  <<: *d\n', 'yaml12');
    assert.deepEqual(toValue(plain.contents, 'yaml12'), { x: { a: 1 }, y: { '<<': { a: 1 } } });
  });

  test('parser errors are plain data; an alias bomb is bounded', () => {
    const m = new YamlDocModel('a: [1\nb: 2\n');
    assert.ok(m.errors.length > 0);
    assert.deepEqual(Object.keys(m.errors[0]).sort(), ['code', 'message', 'pos']);
    const bomb = 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n';
    const b = new YamlDocModel(bomb);
    assert.equal(b.value, undefined);
    assert.equal(b.valueError, 'aliases');
  });

  test('scalars of a sequence item pair (`[a: 1]`) become a one-pair map', () => {
    const m = parseYaml('- [a: 1]\n', 'yaml12');
    const inner = (m.contents as YSeq).items[0] as YSeq;
    assert.ok(isMap(inner.items[0]));
    assert.ok(isScalar((inner.items[0] as YMap).items[0].value));
  });
});

describe('Kubernetes reads YAML 1.1: rules see what the API server sees', () => {
  const pod = (sc: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      securityContext:\n${sc}`;

  test('privileged: on is privileged; the fix writes false', () => {
    const text = pod('        privileged: on\n');
    const f = only(lint(text), 'privileged-container');
    assert.deepEqual(f.map(r), [[9, 8, 9, 22]]);
    assert.equal(applyFix(text, f[0]), pod('        privileged: false\n'));
  });

  test('hostNetwork: yes is the host namespace, and no schema-type error', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: yes\n  containers:\n    - name: c\n      image: nginx:1.27\n';
    const all = lint(text);
    assert.deepEqual(only(all, 'schema-type'), []);
    assert.deepEqual(only(all, 'host-namespace').map(r), [[5, 2, 5, 18]]);
  });

  test('Norway: an unquoted yes/on/NO where a string is expected is a boolean the API server rejects; the fix quotes it', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    enabled: yes\ndata:\n  country: NO\n  mode: 0644\n  port: "8080"\n';
    const f = only(lint(text), 'schema-type');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.id, x.message.args]),
      [
        [[5, 13, 5, 16], 'rule.schema-type.readAsBoolean', { path: 'metadata.labels.enabled', source: 'yes', value: 'true' }],
        [[7, 11, 7, 13], 'rule.schema-type.readAsBoolean', { path: 'data.country', source: 'NO', value: 'false' }],
        [[8, 8, 8, 12], 'rule.schema-type.readAsNumber', { path: 'data.mode', source: '0644', value: '420' }],
      ],
    );
    assert.equal(f[0].fixes![0].title.id, 'rule.schema-type.quoteFix');
    assert.equal(applyFix(text, f[0]), text.replace('enabled: yes', 'enabled: "yes"'));
    assert.equal(applyFix(text, f[1]), text.replace('country: NO', 'country: "NO"'));
    assert.equal(applyFix(text, f[2]), text.replace('mode: 0644', 'mode: "0644"'));
    // quoted: no finding
    const fixed = text.replace('enabled: yes', 'enabled: "yes"').replace('country: NO', "country: 'NO'").replace('mode: 0644', 'mode: "0644"');
    assert.deepEqual(only(lint(fixed), 'schema-type'), []);
  });

  test('env value: on is a boolean; int-or-string ports keep accepting numbers and names', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      env:\n        - name: A\n          value: on\n      ports:\n        - containerPort: 0x50\n      readinessProbe:\n        httpGet: {port: http, path: /}\n';
    const f = only(lint(text), 'schema-type');
    assert.deepEqual(f.map((x) => [r(x), x.message.id]), [[[10, 17, 10, 19], 'rule.schema-type.readAsBoolean']]);
    assert.equal(applyFix(text, f[0]), text.replace('value: on', 'value: "on"'));
  });
});
