import { test, describe } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import { createRegistry } from '..';
import { mergeConfig } from '../../config/config';
import assert from 'node:assert/strict';
import { analyzer } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { duplicateResource } from './duplicate-resource';

describe('duplicate-resource', () => {
  const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata: {a: b}\n';

  test('twice in one file: both reported on the name, each pointing to the other', () => {
    const f = only(lint(`${CM}---\n${CM}`), 'duplicate-resource');
    assert.deepEqual(f.map((x) => [r(x), x.related!.map((y) => [y.range.start.line, y.path])]), [
      [[3, 8, 3, 16], [[9, undefined]]],
      [[9, 8, 9, 16], [[3, undefined]]],
    ]);
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(f[0].message, { id: 'rule.duplicate-resource.message', args: { kind: 'ConfigMap', name: 'settings', count: 2 } });
  });

  test('across files of one folder (related info names the other file), not across folders', () => {
    const a = analyzer();
    a.analyze({ path: '/ws/base/cm.yaml', text: CM }, mergeConfig());
    a.analyze({ path: '/ws/overlays/prod/cm.yaml', text: CM }, mergeConfig());
    const f = only(a.analyze({ path: '/ws/base/cm2.yaml', text: CM }, mergeConfig()).findings, 'duplicate-resource');
    assert.deepEqual(f.map((x) => x.related!.map((y) => y.path)), [['/ws/base/cm.yaml']]);
  });

  test('different namespace, kind or API group: not duplicates; same group other version: duplicate', () => {
    assert.deepEqual(only(lint(`${CM}---\n${CM.replace('  name: settings', '  name: settings\n  namespace: x')}`), 'duplicate-resource'), []);
    assert.deepEqual(only(lint(`${CM}---\n${CM.replace('ConfigMap', 'Secret')}`), 'duplicate-resource'), []);
    const hpa = (v: string) => `apiVersion: autoscaling/${v}\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\n`;
    assert.equal(only(lint(`${hpa('v1')}---\n${hpa('v2')}`), 'duplicate-resource').length, 2);
  });
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(duplicateResource, {
  valid: [
    `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: {a: b}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: other
data: {a: b}
`,
  ],
  invalid: [
    {
      code: `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: {a: b}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data: {a: b}
`,
      errors: [{ messageId: "message", range: [3, 8, 3, 16], args: {"kind": "ConfigMap", "name": "settings", "count": 2} }, { messageId: "message", range: [9, 8, 9, 16] }],
    },
  ],
});
