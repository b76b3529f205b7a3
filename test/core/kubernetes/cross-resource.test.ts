import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, r } from '../../helpers';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';

function analyzer(): Analyzer {
  return new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
}

const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
      tier: front
  template:
    metadata:
      labels:
        app: web
        tier: front
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

describe('selector-mismatch: a workload and its own template', () => {
  test('matching matchLabels: nothing', () => {
    assert.deepEqual(only(lint(DEPLOY), 'selector-mismatch'), []);
  });

  test('a matchLabels pair the template lacks: error on that pair', () => {
    const text = DEPLOY.replace('      tier: front\n  template', '      tier: back\n  template');
    const f = only(lint(text), 'selector-mismatch');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'error');
    assert.deepEqual(r(f[0]), [8, 6, 8, 16]);
    assert.deepEqual(f[0].message, { id: 'rule.selector-mismatch.template', args: { kind: 'Deployment', requirement: 'tier=back', labels: 'app=web,tier=front' } });
  });

  test('matchExpressions: In, NotIn, Exists, DoesNotExist', () => {
    const text = DEPLOY.replace(
      '      tier: front\n  template',
      `      tier: front
    matchExpressions:
      - {key: tier, operator: In, values: [front, back]}
      - {key: track, operator: NotIn, values: [canary]}
      - {key: app, operator: Exists}
      - {key: tier, operator: DoesNotExist}
      - {key: track, operator: Exists}
  template`,
    );
    const f = only(lint(text), 'selector-mismatch');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.args!.requirement]),
      [
        [[13, 8, 13, 43], '!tier'],
        [[14, 8, 14, 38], 'track'],
      ],
    );
  });

  test('a template without labels; an empty selector', () => {
    const noLabels = DEPLOY.replace('      labels:\n        app: web\n        tier: front\n', '      annotations: {a: b}\n');
    const f = only(lint(noLabels), 'selector-mismatch');
    assert.deepEqual(f.map((x) => [r(x), x.message.args!.labels]), [
      [[7, 6, 7, 14], '-'],
      [[8, 6, 8, 17], '-'],
    ]);
    const empty = DEPLOY.replace('    matchLabels:\n      app: web\n      tier: front\n', '    matchLabels: {}\n');
    const g = only(lint(empty), 'selector-mismatch');
    assert.deepEqual(g.map((x) => [r(x), x.message.id]), [[[5, 2, 5, 10], 'rule.selector-mismatch.empty']]);
  });

  test('StatefulSet, ReplicationController (plain map) and a Job without selector', () => {
    const sts = DEPLOY.replace('kind: Deployment', 'kind: StatefulSet').replace('      app: web\n      tier', '      app: db\n      tier');
    assert.deepEqual(only(lint(sts), 'selector-mismatch').map((x) => x.message.args!.requirement), ['app=db']);
    const rc = 'apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec:\n  selector: {app: a}\n  template:\n    metadata: {labels: {app: b}}\n    spec: {containers: [{name: c, image: i}]}\n';
    assert.deepEqual(only(lint(rc), 'selector-mismatch').map((x) => r(x)), [[4, 13, 4, 19]]);
    const job = 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template:\n    spec: {restartPolicy: Never, containers: [{name: c, image: i}]}\n';
    assert.deepEqual(only(lint(job), 'selector-mismatch'), []);
  });
});

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

describe('selector-mismatch: Services', () => {
  test('a Service that selects a Deployment in the same file: nothing', () => {
    assert.deepEqual(only(lint(`${DEPLOY}---\n${SERVICE}`), 'selector-mismatch'), []);
  });

  test('a Service whose selector matches no template: warning on the selector key, closest template as related info', () => {
    const text = `${DEPLOY}---\n${SERVICE.replace('app: web', 'app: webb')}`;
    const f = only(lint(text), 'selector-mismatch');
    assert.equal(f.length, 1);
    assert.equal(f[0].severity, 'warning');
    assert.deepEqual(r(f[0]), [24, 2, 24, 10]);
    assert.deepEqual(f[0].message, { id: 'rule.selector-mismatch.service', args: { selector: 'app=webb' } });
    assert.equal(f[0].related, undefined);
    const partial = `${DEPLOY}---\n${SERVICE.replace('    app: web\n', '    app: web\n    tier: back\n')}`;
    const g = only(lint(partial), 'selector-mismatch');
    assert.deepEqual(g[0].related!.map((x) => [x.range, x.message.args]), [
      [{ start: { line: 3, character: 8 }, end: { line: 3, character: 11 } }, { kind: 'Deployment', name: 'web', labels: 'app=web,tier=front' }],
    ]);
  });

  test('the closest template: most requirements met, the first on a tie, other namespaces skipped', () => {
    const deploy = (name: string, labels: string, ns = '') =>
      DEPLOY.replace('  name: web\n', `  name: ${name}\n${ns ? `  namespace: ${ns}\n` : ''}`).replace('        app: web\n        tier: front\n', labels);
    const svc = (sel: string) => SERVICE.replace('    app: web\n', sel);
    const text = [
      deploy('a', '        app: web\n        tier: back\n'), // 1 of 3
      deploy('other-ns', '        app: web\n        tier: front\n        zone: x\n', 'elsewhere'), // 3 of 3, but not in the namespace
      deploy('b', '        app: web\n        tier: front\n'), // 2 of 3
      deploy('c', '        app: api\n        tier: front\n        zone: x\n'), // 2 of 3, later
      svc('    app: web\n    tier: front\n    zone: x\n').replace('  name: web\n', '  name: web\n  namespace: default\n'),
    ].join('---\n');
    // (the Deployments whose labels differ from their own selector get the workload error: not looked at here)
    const onService = (t: string) => only(lint(t), 'selector-mismatch').filter((x) => x.severity === 'warning');
    assert.deepEqual(
      onService(text).map((x) => x.related?.map((y) => y.message.args?.name)),
      [['b']],
    );
    // a template that meets every requirement: nothing
    assert.deepEqual(onService(text.replace('        app: api\n', '        app: web\n')), []);
  });

  test('across files of the workspace index; other namespaces do not count', () => {
    const a = analyzer();
    a.analyze({ path: '/ws/deploy.yaml', text: DEPLOY.replace('  name: web\n', '  name: web\n  namespace: prod\n') }, mergeConfig());
    const inProd = a.analyze({ path: '/ws/svc.yaml', text: SERVICE.replace('  name: web\n', '  name: web\n  namespace: prod\n') }, mergeConfig()).findings;
    assert.deepEqual(only(inProd, 'selector-mismatch'), []);
    const inDev = a.analyze({ path: '/ws/svc2.yaml', text: SERVICE.replace('  name: web\n', '  name: web\n  namespace: dev\n') }, mergeConfig()).findings;
    assert.equal(only(inDev, 'selector-mismatch').length, 1);
  });

  test('no pod template indexed at all, a Service without selector, an ExternalName: nothing', () => {
    assert.deepEqual(only(lint(SERVICE), 'selector-mismatch'), []);
    const noSel = `${DEPLOY}---\n${SERVICE.replace('  selector:\n    app: web\n', '')}`;
    assert.deepEqual(only(lint(noSel), 'selector-mismatch'), []);
    const ext = `${DEPLOY}---\n${SERVICE.replace('  selector:', '  type: ExternalName\n  externalName: db.example.com\n  selector:').replace('app: web', 'app: x')}`;
    assert.deepEqual(only(lint(ext), 'selector-mismatch'), []);
  });

  test('Helm: a template whose labels come from an include may match anything', () => {
    const a = analyzer();
    const tpl = DEPLOY.replace('      labels:\n        app: web\n        tier: front\n', '      labels:\n{{ include "labels" . | indent 8 }}\n').replace(
      '    matchLabels:\n      app: web\n      tier: front\n',
      '    matchLabels:\n{{ include "labels" . | indent 6 }}\n',
    );
    const d = a.analyze({ path: '/chart/templates/deploy.yaml', text: tpl, helmChartTemplate: true }, mergeConfig()).findings;
    assert.deepEqual(only(d, 'selector-mismatch'), []);
    const s = a.analyze({ path: '/chart/svc.yaml', text: SERVICE.replace('app: web', 'app: other') }, mergeConfig()).findings;
    assert.deepEqual(only(s, 'selector-mismatch'), []);
  });
});

const POD_REFS = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  serviceAccountName: runner
  imagePullSecrets:
    - name: regcred
  containers:
    - name: app
      image: nginx:1.27
      env:
        - name: A
          valueFrom:
            configMapKeyRef: {name: settings, key: a}
        - name: B
          valueFrom:
            secretKeyRef: {name: creds, key: b, optional: true}
      envFrom:
        - secretRef:
            name: env-secret
  volumes:
    - name: etc
      configMap:
        name: cinder-etc
    - name: data
      persistentVolumeClaim:
        claimName: glance-images
    - name: all
      projected:
        sources:
          - secret: {name: tls}
          - configMap: {name: kube-root-ca.crt}
`;

describe('missing-reference', () => {
  test('every kind of reference, on the exact name node; optional and built-in ones skipped', () => {
    const f = only(lint(POD_REFS), 'missing-reference');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.args]),
      [
        [[5, 22, 5, 28], { kind: 'ServiceAccount', name: 'runner', via: 'serviceAccountName' }],
        [[7, 12, 7, 19], { kind: 'Secret', name: 'regcred', via: 'imagePullSecrets' }],
        [[14, 36, 14, 44], { kind: 'ConfigMap', name: 'settings', via: 'env' }],
        [[20, 18, 20, 28], { kind: 'Secret', name: 'env-secret', via: 'envFrom' }],
        [[24, 14, 24, 24], { kind: 'ConfigMap', name: 'cinder-etc', via: 'volume "etc"' }],
        [[27, 19, 27, 32], { kind: 'PersistentVolumeClaim', name: 'glance-images', via: 'volume "data"' }],
        [[31, 27, 31, 30], { kind: 'Secret', name: 'tls', via: 'volume "all"' }],
      ],
    );
    assert.ok(f.every((x) => x.severity === 'information'));
  });

  test('definitions in the same file or another indexed file satisfy references; namespaces must agree', () => {
    const defs = ['ServiceAccount runner', 'Secret regcred', 'ConfigMap settings', 'Secret env-secret', 'ConfigMap cinder-etc', 'PersistentVolumeClaim glance-images']
      .map((s) => s.split(' '))
      .map(([kind, name]) => `apiVersion: v1\nkind: ${kind}\nmetadata: {name: ${name}}\n`)
      .join('---\n');
    const a = analyzer();
    a.analyze({ path: '/ws/defs.yaml', text: defs }, mergeConfig());
    const f = only(a.analyze({ path: '/ws/pod.yaml', text: POD_REFS }, mergeConfig()).findings, 'missing-reference');
    assert.deepEqual(f.map((x) => x.message.args!.name), ['tls']);
    const same = only(lint(`${POD_REFS}---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls}\n`), 'missing-reference');
    assert.equal(same.some((x) => x.message.args!.name === 'tls'), false);
    const otherNs = only(lint(`${POD_REFS.replace('  name: p\n', '  name: p\n  namespace: a\n')}---\napiVersion: v1\nkind: Secret\nmetadata: {name: tls, namespace: b}\n`), 'missing-reference');
    assert.equal(otherNs.some((x) => x.message.args!.name === 'tls'), true);
  });

  test('Helm-masked names are not references', () => {
    const text = POD_REFS.replace('name: cinder-etc', 'name: {{ .Values.cm }}');
    const f = only(lint(text), 'missing-reference');
    assert.equal(f.some((x) => x.message.args!.via === 'volume "etc"'), false);
  });
});

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
