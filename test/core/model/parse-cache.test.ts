// One parse per YAML text (model/parse-cache.ts): a chart's values files are parsed once, for the
// chart (kubectl's reader), and their lint takes that parse, read as YAML 1.2 by a copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { forReader, YamlParseCache } from '../../../server/src/core/model/parse-cache';
import { parseYaml } from '../../../server/src/core/model/yparse';
import { splitDocuments } from '../../../server/src/core/model/yaml';
import { buildHelmChart, documentAfterComments, valuesRange } from '../../../server/src/core/model/helm-chart';
import { toValue, type Reader, type YAlias, type YMap } from '../../../server/src/core/model/ynode';
import { DockyardService, type ServiceHost } from '../../../server/src/core/service';
import { createRegistry } from '../../../server/src/core/rules';
import { format } from '../../../server/src/core/messages/catalog';
import type { Finding } from '../../../server/src/core/types';
import { ROOT } from '../../lsp/client';
import { memoryHost, r } from '../../helpers';

const READERS: Reader[] = ['kubernetes', 'yaml12', 'actions', 'ansible'];

/** Texts whose scalars read differently per reader, with anchors, aliases, tags, merge keys and flow (the Composer's path). */
const SYNTHETIC = [
  'a: yes\nb: 0644\nc: 1:20\nd: on\non: [y, n, ~, .inf, 0x1F, 1_000]\n0644: k\nyes: k\n',
  'base: &b {x: 1, y: on}\nuse:\n  <<: *b\n  y: off\nlist: &l [a, *b]\nagain: *l\n',
  'str: !!str yes\nint: !!int "12"\nlocal: !thing 5\nkey: {? [a, b] : c}\n- bad\n',
  'self: &s\n  - *s\n',
  'apiVersion: v1\nkind: ConfigMap\ndata:\n  enabled: yes\n  mode: 0644\n',
  '- hosts: all\n  tasks:\n    - debug: {msg: yes}\n',
  'k: "a\\tb"\nf: >-\n  folded\n  text\nl: |\n  lit\n',
];

function corpus(): string[] {
  const out = [...SYNTHETIC];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) for (const c of splitDocuments(fs.readFileSync(p, 'utf8'))) out.push(c.text);
    }
  };
  walk(path.join(ROOT, 'test/fixtures'));
  return out;
}

test('forReader: the tree of one reader copied for another is the tree that reader parses (fixtures and YAML 1.1 forms, every reader pair)', () => {
  let compared = 0;
  for (const text of corpus()) {
    for (const from of READERS) {
      const tree = parseYaml(text, from).contents;
      for (const to of READERS) {
        assert.deepStrictEqual(forReader(tree, to), parseYaml(text, to).contents, `${from} -> ${to}: ${JSON.stringify(text.slice(0, 60))}`);
        compared++;
      }
    }
  }
  assert.ok(compared > 500, `only ${compared} comparisons`);
});

test('forReader: an alias points at the copy of its anchor, never into the original tree', () => {
  const tree = parseYaml('base: &b {x: on}\nuse: *b\n', 'kubernetes').contents;
  const copy = forReader(tree, 'yaml12') as YMap;
  const anchored = copy.items[0].value;
  const alias = copy.items[1].value as YAlias;
  assert.equal(alias.target, anchored);
  assert.notEqual(anchored, (tree as typeof copy).items[0].value);
});

test('YamlParseCache: a kept text is parsed once; another reader gets its own values; a lookup-only parse is not kept', () => {
  const cache = new YamlParseCache();
  const parsed: string[] = [];
  cache.onParse = (t) => parsed.push(t);
  const text = '---\nenabled: yes\nmode: 0644\n';
  const k = cache.parse(text, 'kubernetes', true);
  assert.deepEqual(k, parseYaml(text, 'kubernetes'));
  // The lint's read (no reader given: told by the keys, YAML 1.2 here).
  const y = cache.parse(text, undefined, false);
  assert.deepEqual(y, parseYaml(text));
  assert.equal(y.reader, 'yaml12');
  assert.deepEqual(parsed, [text]);
  // The same reader shares the tree.
  assert.equal(cache.parse(text, 'kubernetes', false).contents, k.contents);
  // Errors come along with the parse.
  const broken = 'a: [\n';
  cache.parse(broken, 'kubernetes', true);
  assert.deepEqual(cache.parse(broken, undefined, false), parseYaml(broken));
  assert.equal(parsed.length, 2);
  // Looking only: parsed, not kept.
  cache.parse('x: 1\n', undefined, false);
  cache.parse('x: 1\n', undefined, false);
  assert.equal(parsed.length, 4);
  assert.equal(cache.has('x: 1\n'), false);
});

test('YamlParseCache: bounded by bytes, the least recently used text goes first', () => {
  const text = (i: number) => `key${i}: ${'v'.repeat(1000)}\n`;
  // ~18 bytes per character for a text and one tree (~18 KB here): 3 such entries fit in 64 KB, not 4.
  const cache = new YamlParseCache(64_000);
  for (let i = 0; i < 3; i++) cache.parse(text(i), 'kubernetes', true);
  assert.ok([0, 1, 2].every((i) => cache.has(text(i))));
  cache.parse(text(0), undefined, false); // a hit: text 0 is now the most recent
  cache.parse(text(3), 'kubernetes', true);
  assert.equal(cache.has(text(1)), false);
  assert.ok(cache.has(text(0)) && cache.has(text(2)) && cache.has(text(3)));
  assert.ok(cache.bytes <= 64_000, `${cache.bytes}`);
  // A second reader's tree is kept with its text and counted: it pushes out the oldest text.
  cache.parse(text(3), 'yaml12', true);
  assert.equal(cache.has(text(2)), false);
  assert.ok(cache.has(text(0)) && cache.has(text(3)));
  assert.ok(cache.bytes <= 64_000, `${cache.bytes}`);
  // A text larger than the whole bound is not kept at all.
  const huge = `k: ${'x'.repeat(10_000)}\n`;
  cache.parse(huge, 'kubernetes', true);
  assert.equal(cache.has(huge), false);
});

const HEADER = '# Licensed under the Apache License, Version 2.0\n#\n  # indented comment\n\n';

test('documentAfterComments: only a header of comment and blank lines before one `---` document', () => {
  assert.deepEqual(documentAfterComments(`${HEADER}---\na: 1\n`), { text: '---\na: 1\n', startLine: 4 });
  assert.equal(documentAfterComments('---\na: 1\n'), undefined);
  assert.equal(documentAfterComments('a: 1\n'), undefined);
  assert.equal(documentAfterComments(`${HEADER}---\na: 1\n---\nb: 2\n`), undefined);
  assert.equal(documentAfterComments(`# c\nx: 1\n---\na: 1\n`), undefined);
  assert.equal(documentAfterComments(`# c\n\t\n---\na: 1\n`), undefined);
  assert.equal(documentAfterComments(`# c\r\n---\r\na: 1\r\n`), undefined);
  assert.equal(documentAfterComments(`%YAML 1.1\n---\na: 1\n`), undefined);
});

test('a values file with a comment header: its document read as the whole file reads (values, errors, ranges shifted to file lines)', () => {
  const bodies = ['---\nconf:\n  a: yes\n  b: &x [1, 2]\n  c: *x\n', '---\nconf: [\n', '---\n# nothing\n', '---\nbase: &b {k: on}\nuse:\n  <<: *b\n'];
  for (const body of bodies) {
    const text = HEADER + body;
    const chart = buildHelmChart('/r/c', 'k', { file: 'c/values.yaml', path: '/r/c/values.yaml', text }, []);
    const whole = parseYaml(text, 'kubernetes');
    if (whole.errors.length) {
      assert.equal(chart.defaults, undefined);
      continue;
    }
    const v = toValue(whole.contents, 'kubernetes');
    assert.deepEqual(chart.defaults?.value, v === null ? {} : v);
    assert.equal(chart.defaults?.line, 4);
  }
  const chart = buildHelmChart('/r/c', 'k', { file: 'c/values.yaml', path: '/r/c/values.yaml', text: `${HEADER}---\nconf:\n  a: yes\n` }, []);
  const conf = (chart.defaults!.doc.contents as YMap).items[0];
  // `conf:` is on line 5 of the file (0-based), after the 4 header lines and the marker.
  assert.deepEqual(r({ range: valuesRange(chart.defaults!, conf.key!) } as Finding), [5, 0, 5, 4]);
});

{
  const template = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '    - name: c', '      image: x', '      securityContext:', '        privileged: {{ .Values.priv }}', ''].join('\n');
  const body = '---\nimage: x\npriv: true\nflag: yes\n';
  const files: Record<string, string> = {
    '/c/Chart.yaml': 'name: c\nversion: 1.0.0\n',
    '/c/templates/pod.yaml': template,
    '/c/values.yaml': HEADER + body,
  };
  const host = (): ServiceHost => memoryHost(files, {}, (p) => p.startsWith('/c/templates/'));

  test('a lint parses the values document once: for the chart, and its own lint takes that parse (read as YAML 1.2)', async () => {
    const s = new DockyardService({ host: host(), registry: createRegistry() });
    const parsed = new Map<string, number>();
    s.analyzer.parses.onParse = (t) => parsed.set(t, (parsed.get(t) ?? 0) + 1);
    const { files: out } = await s.lint(['/c'], { keepParses: true });
    assert.equal(parsed.get(body), 1);
    // The chart read it as kubectl does; the file's own model as YAML 1.2 (`yes` stays a string).
    const y = s.analyzer.yamlFor('/c/values.yaml', files['/c/values.yaml']);
    assert.deepEqual(y.states[1].model.value, { image: 'x', priv: true, flag: 'yes' });
    assert.deepEqual(y.states[1].model.contents, parseYaml(body).contents);
    // The default value's related information points at the key's line in the file.
    const priv = out.find((f) => f.path === '/c/templates/pod.yaml')!.findings.find((f) => f.rule === 'privileged-container')!;
    assert.deepEqual(
      priv.related?.map((x) => [x.path, r({ range: x.range } as Finding), format(x.message)]),
      [['/c/values.yaml', [6, 0, 6, 10], 'The default value of priv: true.']],
    );
  });

  test('an edit of a values file drops the kept parses (an editor typing there keeps no parse per version)', () => {
    const s = new DockyardService({ host: host(), registry: createRegistry() });
    s.open('/c/templates/pod.yaml', 1, template, 'yaml');
    assert.ok(s.diagnostics('/c/templates/pod.yaml').some((f) => f.rule === 'privileged-container'), 'priv: true by default');
    assert.ok(s.analyzer.parses.has(body), 'the chart read kept its parse of the values document');
    s.open('/c/values.yaml', 1, HEADER + body.replace('priv: true', 'priv: false'), 'yaml');
    assert.equal(s.analyzer.parses.has(body), false);
    assert.equal(s.analyzer.parses.bytes, 0);
    // The template is decided with the new values: its chart is read again (and keeps the new parse).
    assert.equal(s.diagnostics('/c/templates/pod.yaml').some((f) => f.rule === 'privileged-container'), false);
    assert.ok(s.analyzer.parses.has(body.replace('priv: true', 'priv: false')));
  });
}
