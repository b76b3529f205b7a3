import { test, describe } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import { createRegistry } from '..';
import { mergeConfig } from '../../config/config';
import assert from 'node:assert/strict';
import { analyzer, WEB_DEPLOYMENT_MIN, WEB_DEPLOYMENT_PULL as WEB_PULL } from '../../../../../test/core/kubernetes/helpers';
import { ruleTester } from '../../../../../test/rule-tester';
import { selectorMismatch } from './selector-mismatch';

/** The minimal Deployment with a second label (`tier: front`) in its selector and its pods. */
const DEPLOY = WEB_DEPLOYMENT_MIN.replace('      app: web\n  template', '      app: web\n      tier: front\n  template').replace('        app: web\n    spec', '        app: web\n        tier: front\n    spec');

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

describe('selector-mismatch: OpenShift DeploymentConfig (plain selector map)', () => {
  const DC = `apiVersion: apps.openshift.io/v1
kind: DeploymentConfig
metadata:
  name: billing
spec:
  replicas: 2
  selector:
    deployment: billing
  template:
    metadata:
      labels:
        deployment: billing
    spec:
      containers:
        - name: api
          image: registry.example/billing:4.2
`;
  test('a selector pair its template lacks is an error on that pair; a matching or absent selector is fine', () => {
    assert.deepEqual(only(lint(DC), 'selector-mismatch'), []);
    const f = only(lint(DC.replace('    deployment: billing\n  template', '    deployment: invoices\n  template')), 'selector-mismatch');
    assert.deepEqual(f.map((x) => [r(x), x.severity, x.message]), [
      [[7, 4, 7, 24], 'error', { id: 'rule.selector-mismatch.template', args: { kind: 'DeploymentConfig', requirement: 'deployment=invoices', labels: 'deployment=billing' } }],
    ]);
    // A template without labels selects nothing the selector asks for.
    const bare = only(lint(DC.replace('    metadata:\n      labels:\n        deployment: billing\n', '')), 'selector-mismatch');
    assert.deepEqual(bare.map((x) => [r(x), x.message.args?.labels]), [[[7, 4, 7, 23], '-']]);
    // No selector: OpenShift takes the template's labels.
    assert.deepEqual(only(lint(DC.replace('  selector:\n    deployment: billing\n', '')), 'selector-mismatch'), []);
    // A kind of the same name in another API group is not OpenShift's.
    assert.deepEqual(only(lint(DC.replace('apps.openshift.io/v1', 'example.com/v1').replace('    deployment: billing\n  template', '    deployment: invoices\n  template')), 'selector-mismatch'), []);
  });
});

describe('selector-mismatch: a Service and a template without a spec', () => {
  test('a workload whose template has labels but no spec yet still counts for a Service selecting those labels', () => {
    const noSpec = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: draft
spec:
  selector:
    matchLabels:
      app: draft
  template:
    metadata:
      labels:
        app: draft
`;
    const svc = SERVICE.replace('app: web', 'app: draft');
    assert.deepEqual(only(lint(`${noSpec}---\n${svc}`), 'selector-mismatch'), []);
    const miss = only(lint(`${noSpec}---\n${svc.replace('app: draft', 'app: drafts')}`), 'selector-mismatch');
    assert.deepEqual(miss.map((x) => [r(x), x.message.args]), [[[18, 2, 18, 10], { selector: 'app=drafts' }]]);
  });
});

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

  test('pods an operator makes from a custom resource: the labels written there plus its own', () => {
    // An Alertmanager (prometheus-operator) names its pods' labels in spec.podMetadata; the operator adds more.
    const am = `apiVersion: monitoring.coreos.com/v1
kind: Alertmanager
metadata:
  name: main
  namespace: monitoring
spec:
  podMetadata:
    labels:
      app.kubernetes.io/name: alertmanager
      app.kubernetes.io/instance: main
  replicas: 3
`;
    const svc = (sel: string, ns = 'monitoring') => SERVICE.replace('  name: web\n', `  name: web\n  namespace: ${ns}\n`).replace('    app: web\n', sel);
    const onService = (...docs: string[]) => only(lint(docs.join('---\n')), 'selector-mismatch');
    // the labels written there; one the operator adds (alertmanager: main): nothing
    assert.deepEqual(onService(DEPLOY, am, svc('    app.kubernetes.io/name: alertmanager\n    app.kubernetes.io/instance: main\n')), []);
    assert.deepEqual(onService(DEPLOY, am, svc('    app.kubernetes.io/name: alertmanager\n    alertmanager: main\n')), []);
    // a label written there that contradicts the selector, or another namespace: the warning stays
    const contra = onService(DEPLOY, am, svc('    app.kubernetes.io/name: prometheus\n'));
    assert.deepEqual(contra.map((f) => [f.severity, r(f), f.message.args]), [['warning', [37, 2, 37, 10], { selector: 'app.kubernetes.io/name=prometheus' }]]);
    assert.equal(onService(DEPLOY, am, svc('    app.kubernetes.io/name: alertmanager\n', 'other')).length, 1);
    // a custom resource with a pod template found by shape (labels in its template metadata) counts alone too
    const job = `apiVersion: example.com/v1
kind: Runner
metadata:
  name: r
spec:
  pod:
    metadata:
      labels:
        app: runner
    spec:
      containers:
        - name: run
          image: busybox:1.36
`;
    assert.deepEqual(onService(job, SERVICE.replace('app: web', 'app: runner')), []);
    assert.deepEqual(onService(job, SERVICE.replace('app: web', 'role: worker')), []);
    assert.deepEqual(only(lint([job, SERVICE.replace('app: web', 'app: web2')].join('---\n')), 'selector-mismatch').map((f) => r(f)), [[19, 2, 19, 10]]);
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

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(selectorMismatch, {
  valid: [
    WEB_PULL,
    WEB_PULL + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n',
  ],
  invalid: [
    {
      code: WEB_PULL.replace('        app: web\n    spec:', '        app: api\n    spec:'),
      errors: [{ messageId: "template", range: [7, 6, 7, 14], severity: "error" }],
    },
    {
      name: "a Service that selects no pod template",
      code: WEB_PULL + '---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: wbe\n  ports:\n    - port: 80\n',
      errors: [{ messageId: "service", range: [23, 2, 23, 10], severity: "warning" }],
    },
  ],
});
