import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { YamlDocModel } from '../../../server/src/core/model/yaml';
import { applyFix, lint, only, r } from '../../helpers';

function analyzer(): Analyzer {
  return new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
}

const LIST = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata:
      name: listed-conf
    data:
      key: value
  - apiVersion: v1
    kind: Pod
    metadata:
      name: listed-pod
    spec:
      automountServiceAccountToken: false
      containers:
        - name: main
          image: nginx:1.27
          securityContext:
            privileged: true
          envFrom:
            - configMapRef:
                name: listed-conf
`;

describe('List kinds: every object of a List is analysed as an object', () => {
  test('the model: items share the document text, offsets and parse', () => {
    const m = new YamlDocModel(LIST);
    assert.deepEqual(
      m.listItems.map((i) => [i.k8s?.kind, i.k8s?.name, i.listIndex, i.contents!.range[0]]),
      [
        ['ConfigMap', 'listed-conf', 0, LIST.indexOf('apiVersion: v1\n    kind: ConfigMap')],
        ['Pod', 'listed-pod', 1, LIST.indexOf('apiVersion: v1\n    kind: Pod')],
      ],
    );
    assert.deepEqual((m.listItems[0].value as { data: unknown }).data, { key: 'value' });
    assert.equal(m.listItems[0].text, m.text);
    assert.deepEqual(new YamlDocModel('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n').listItems, []);
    // a *List kind: ConfigMapList; items without apiVersion/kind are not objects of their own
    const cml = new YamlDocModel('apiVersion: v1\nkind: ConfigMapList\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: a}\n  - {data: {}}\n');
    assert.deepEqual(cml.listItems.map((i) => i.k8s?.name), ['a']);
  });

  test('findings point into the item, and its fixes edit the item', () => {
    const all = lint(LIST);
    const p = only(all, 'privileged-container');
    assert.deepEqual(p.map(r), [[19, 12, 19, 28]]);
    assert.equal(applyFix(LIST, p[0]), LIST.replace('privileged: true', 'privileged: false'));
    // the wrapper validates as a List: no schema finding on its items
    assert.deepEqual(all.filter((f) => f.rule.startsWith('schema-') || f.rule === 'unknown-kind'), []);
    // a schema error inside an item is reported once, at the item's value
    const bad = LIST.replace('      key: value\n', '      key: yes\n');
    assert.deepEqual(
      only(lint(bad), 'schema-type').map((f) => [r(f), f.message.id]),
      [[[8, 11, 8, 14], 'rule.schema-type.readAsBoolean']],
    );
    // also in a typed list, whose schema validates items too
    const podList = LIST.replace('kind: List', 'kind: ConfigMapList').replace(/  - apiVersion: v1\n    kind: Pod[\s\S]*$/, '').replace('      key: value\n', '      key: yes\n');
    assert.deepEqual(only(lint(podList), 'schema-type').map(r), [[8, 11, 8, 14]]);
  });

  test('suppressed by the item’s own dockyard.io/ignore annotation (and only in that item)', () => {
    const text = LIST.replace('      name: listed-pod\n', '      name: listed-pod\n      annotations:\n        dockyard.io/ignore: privileged-container\n');
    assert.deepEqual(only(lint(text), 'privileged-container'), []);
    const two = text + LIST.replace('apiVersion: v1\nkind: List\n', '---\napiVersion: v1\nkind: List\n').replace('listed-pod', 'other-pod').replace('listed-conf\n    data', 'other-conf\n    data');
    assert.deepEqual(only(lint(two), 'privileged-container').map((f) => f.range.start.line), [45]);
  });

  test('cross-file: missing-reference finds objects defined as List items; duplicate-resource sees them', () => {
    const a = analyzer();
    const config = mergeConfig();
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: user\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      envFrom:\n        - configMapRef: {name: listed-conf}\n        - configMapRef: {name: nowhere}\n';
    a.analyze({ path: '/ws/list.yaml', text: LIST }, config);
    const f = a.analyze({ path: '/ws/pod.yaml', text: pod }, config).findings;
    assert.deepEqual(only(f, 'missing-reference').map((x) => [r(x), x.message.args?.name]), [[[10, 31, 10, 38], 'nowhere']]);
    // inside the List itself: listed-conf is defined by the first item
    assert.deepEqual(only(a.analyze({ path: '/ws/list.yaml', text: LIST }, config).findings, 'missing-reference'), []);
    // a second definition of listed-conf in the same folder: both places are reported
    const dup = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: listed-conf\n';
    const d = only(a.analyze({ path: '/ws/dup.yaml', text: dup }, config).findings, 'duplicate-resource');
    assert.deepEqual(d.map((x) => [r(x), x.related?.map((rel) => [rel.path, rel.range.start.line, rel.range.start.character])]), [[[3, 8, 3, 19], [['/ws/list.yaml', 6, 12]]]]);
    const inList = only(a.analyze({ path: '/ws/list.yaml', text: LIST + ' ' }, config).findings, 'duplicate-resource');
    assert.deepEqual(inList.map(r), [[6, 12, 6, 23]]);
  });
});
