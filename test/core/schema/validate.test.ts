import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createSchemaStore, MAX_ISSUES } from '../../../server/src/core/schema';
import { deployment, SCHEMA_DIR } from './helpers';

const store = createSchemaStore(SCHEMA_DIR);
const container = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'nginx:1.27', ...extra });
const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
const service = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec });

describe('validate: valid documents', () => {
  it('accepts a complete Deployment', () => {
    const doc = deployment(
      {
        containers: [
          container({
            imagePullPolicy: 'IfNotPresent',
            ports: [{ containerPort: 8080, protocol: 'TCP', name: 'http' }],
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: 1, memory: '1Gi' } },
            readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 5 },
            securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } },
          }),
        ],
        restartPolicy: 'Always',
      },
      { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } },
    );
    assert.deepEqual(store.validate('1.35', 'apps/v1', 'Deployment', doc), []);
    assert.deepEqual(store.validate('1.36', 'apps/v1', 'Deployment', doc), []);
  });

  it('returns [] for kinds it does not know', () => {
    assert.deepEqual(store.validate('1.35', 'example.com/v1', 'Foo', { spec: { anything: 1 } }), []);
    assert.deepEqual(store.validate('1.35', 'extensions/v1beta1', 'Deployment', { spec: 1 }), []);
  });
});

describe('validate: issue codes and paths', () => {
  it("reports 'required' at the object that misses the key", () => {
    const issues = store.validate('1.35', 'apps/v1', 'Deployment', deployment({ containers: [{ image: 'nginx' }] }));
    assert.deepEqual(issues, [{ code: 'required', path: ['spec', 'template', 'spec', 'containers', 0], key: 'name' }]);
    const noSpec = store.validate('1.35', 'apps/v1', 'Deployment', { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 1 } });
    assert.deepEqual(noSpec, [
      { code: 'required', path: ['spec'], key: 'selector' },
      { code: 'required', path: ['spec'], key: 'template' },
    ]);
  });

  it("reports 'type' with expected and actual JSON types", () => {
    const doc = deployment({ containers: [container()] });
    (doc.spec as Record<string, unknown>).replicas = '3';
    assert.deepEqual(store.validate('1.35', 'apps/v1', 'Deployment', doc), [
      { code: 'type', path: ['spec', 'replicas'], expected: ['integer'], actual: 'string' },
    ]);
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', pod({ containers: container() })), [
      { code: 'type', path: ['spec', 'containers'], expected: ['array'], actual: 'object' },
    ]);
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', pod({ containers: [container({ tty: 'yes' })] })), [
      { code: 'type', path: ['spec', 'containers', 0, 'tty'], expected: ['boolean'], actual: 'string' },
    ]);
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', 'not an object'), [
      { code: 'type', path: [], expected: ['object'], actual: 'string' },
    ]);
  });

  it('numbers that are integers satisfy integer; fractions do not', () => {
    const ok = pod({ containers: [container()], terminationGracePeriodSeconds: 30 });
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', ok), []);
    const bigint = pod({ containers: [container()], terminationGracePeriodSeconds: BigInt(30) });
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', bigint), []);
    const fraction = pod({ containers: [container()], terminationGracePeriodSeconds: 1.5 });
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', fraction), [
      { code: 'type', path: ['spec', 'terminationGracePeriodSeconds'], expected: ['integer'], actual: 'number' },
    ]);
  });

  it("reports 'enum' on imagePullPolicy with the allowed values", () => {
    const issues = store.validate('1.35', 'v1', 'Pod', pod({ containers: [container({ imagePullPolicy: 'Sometimes' })] }));
    assert.deepEqual(issues, [
      {
        code: 'enum',
        path: ['spec', 'containers', 0, 'imagePullPolicy'],
        expected: ['Always', 'IfNotPresent', 'Never'],
        actual: 'Sometimes',
      },
    ]);
  });

  it('accepts every allowed enum value and "" (unset for built-in string enums)', () => {
    for (const policy of ['Always', 'IfNotPresent', 'Never', '']) {
      assert.deepEqual(store.validate('1.35', 'v1', 'Pod', pod({ containers: [container({ imagePullPolicy: policy })] })), [], policy);
    }
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', pod({ containers: [container()], restartPolicy: 'OnFailure' })), []);
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', pod({ containers: [container()], restartPolicy: 'Sometimes' })), [
      { code: 'enum', path: ['spec', 'restartPolicy'], expected: ['Always', 'OnFailure', 'Never'], actual: 'Sometimes' },
    ]);
    // Enum values are case-sensitive in Kubernetes.
    assert.deepEqual(store.validate('1.35', 'v1', 'Service', service({ type: 'nodeport', ports: [{ port: 80 }] })), [
      { code: 'enum', path: ['spec', 'type'], expected: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'], actual: 'nodeport' },
    ]);
  });

  it('checks enums on array items (PVC accessModes)', () => {
    const pvc = {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data' },
      spec: { accessModes: ['ReadWriteOnce', 'ReadWriteAll'], resources: { requests: { storage: '1Gi' } } },
    };
    assert.deepEqual(store.validate('1.35', 'v1', 'PersistentVolumeClaim', pvc), [
      {
        code: 'enum',
        path: ['spec', 'accessModes', 1],
        expected: ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'],
        actual: 'ReadWriteAll',
      },
    ]);
  });

  it("reports 'unknown-field' with the nearest known field", () => {
    const doc = deployment({ contaienrs: [container()], containers: [container()] });
    assert.deepEqual(store.validate('1.35', 'apps/v1', 'Deployment', doc), [
      { code: 'unknown-field', path: ['spec', 'template', 'spec', 'contaienrs'], key: 'contaienrs', suggestion: 'containers' },
    ]);
  });

  it('suggests a case-only fix and nothing for far-off names', () => {
    const issues = store.validate('1.35', 'v1', 'Pod', pod({ containers: [container({ ImagePullPolicy: 'Always', frobnicate: true })] }));
    assert.deepEqual(issues, [
      { code: 'unknown-field', path: ['spec', 'containers', 0, 'ImagePullPolicy'], key: 'ImagePullPolicy', suggestion: 'imagePullPolicy' },
      { code: 'unknown-field', path: ['spec', 'containers', 0, 'frobnicate'], key: 'frobnicate' },
    ]);
  });

  it('validates metadata (ObjectMeta) strictly', () => {
    const doc = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', label: { a: 'b' }, annotations: { port: 8080 } } };
    assert.deepEqual(store.validate('1.35', 'v1', 'ConfigMap', doc), [
      { code: 'unknown-field', path: ['metadata', 'label'], key: 'label', suggestion: 'labels' },
      { code: 'type', path: ['metadata', 'annotations', 'port'], expected: ['string'], actual: 'integer' },
    ]);
  });
});

describe('validate: Kubernetes value types', () => {
  it('int-or-string: containerPort is an integer, targetPort accepts both', () => {
    const bad = pod({ containers: [container({ ports: [{ containerPort: '8080' }] })] });
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', bad), [
      { code: 'type', path: ['spec', 'containers', 0, 'ports', 0, 'containerPort'], expected: ['integer'], actual: 'string' },
    ]);
    const svc = service({ ports: [{ port: 80, targetPort: 8080 }, { port: 81, targetPort: 'http' }, { port: 82, targetPort: true }, { port: 83, targetPort: 1.5 }] });
    assert.deepEqual(store.validate('1.35', 'v1', 'Service', svc), [
      { code: 'type', path: ['spec', 'ports', 2, 'targetPort'], expected: ['integer', 'string'], actual: 'boolean' },
      { code: 'type', path: ['spec', 'ports', 3, 'targetPort'], expected: ['integer', 'string'], actual: 'number' },
    ]);
  });

  it('quantities accept strings and numbers, nothing else', () => {
    const resources = { requests: { cpu: 0.5, memory: '512Mi' }, limits: { cpu: '2', memory: 1073741824, 'nvidia.com/gpu': 1 } };
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', pod({ containers: [container({ resources })] })), []);
    const bad = { limits: { cpu: true, memory: ['1Gi'] } };
    assert.deepEqual(store.validate('1.35', 'v1', 'Pod', pod({ containers: [container({ resources: bad })] })), [
      { code: 'type', path: ['spec', 'containers', 0, 'resources', 'limits', 'cpu'], expected: ['string', 'number'], actual: 'boolean' },
      { code: 'type', path: ['spec', 'containers', 0, 'resources', 'limits', 'memory'], expected: ['string', 'number'], actual: 'array' },
    ]);
  });

  it('Time fields take strings (and YAML 1.1 timestamps parsed as Date)', () => {
    const ok = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: '2024-01-01T00:00:00Z' } };
    assert.deepEqual(store.validate('1.35', 'v1', 'ConfigMap', ok), []);
    const date = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: new Date(0) } };
    assert.deepEqual(store.validate('1.35', 'v1', 'ConfigMap', date), []);
    const bad = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: 20240101 } };
    assert.deepEqual(store.validate('1.35', 'v1', 'ConfigMap', bad), [
      { code: 'type', path: ['metadata', 'creationTimestamp'], expected: ['string'], actual: 'integer' },
    ]);
  });

  it('labels are a map: any key, string values only', () => {
    const labels = { app: 'web', 'app.kubernetes.io/name': 'web', 'example.com/tier': 'front', version: 1.2, enabled: true };
    const doc = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels }, data: { 'config.yaml': 'a: b' } };
    assert.deepEqual(store.validate('1.35', 'v1', 'ConfigMap', doc), [
      { code: 'type', path: ['metadata', 'labels', 'version'], expected: ['string'], actual: 'number' },
      { code: 'type', path: ['metadata', 'labels', 'enabled'], expected: ['string'], actual: 'boolean' },
    ]);
  });

  it('null values count as absent', () => {
    const doc = deployment({ containers: [container({ command: null, ports: [null] })], nodeSelector: null }, { replicas: null });
    (doc.metadata as Record<string, unknown>).creationTimestamp = null;
    (doc as Record<string, unknown>).status = null;
    assert.deepEqual(store.validate('1.35', 'apps/v1', 'Deployment', doc), []);
    // A required key set to null is missing; an unknown key set to null is dropped.
    const missing = deployment({ containers: [container({ name: null, contaienrs: null })] });
    assert.deepEqual(store.validate('1.35', 'apps/v1', 'Deployment', missing), [
      { code: 'required', path: ['spec', 'template', 'spec', 'containers', 0], key: 'name' },
    ]);
    assert.deepEqual(store.validate('1.35', 'apps/v1', 'Deployment', null), []);
  });

  it('free-form RawExtension values accept anything', () => {
    const rev = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: 'r' }, revision: 1, data: { spec: { anything: [1, 'two'] } } };
    assert.deepEqual(store.validate('1.35', 'apps/v1', 'ControllerRevision', rev), []);
  });

  it('kind: List items are embedded resources: apiVersion and kind required, metadata validated', () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' }, data: { x: 'y' } },
        { metadata: { name: 'b', labels: { n: 1 } } },
      ],
    };
    assert.deepEqual(store.validate('1.35', 'v1', 'List', list), [
      { code: 'required', path: ['items', 1], key: 'apiVersion' },
      { code: 'required', path: ['items', 1], key: 'kind' },
      { code: 'type', path: ['items', 1, 'metadata', 'labels', 'n'], expected: ['string'], actual: 'integer' },
    ]);
  });
});

describe('validate: order and limits', () => {
  it('reports all issues in document order', () => {
    const doc = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x', lables: {} },
      spec: {
        replicas: 'two',
        template: {
          spec: {
            containers: [{ image: 'a', imagePullPolicy: 'Nope', ports: [{ containerPort: '80' }] }, { name: 'b', image: 'b', tty: 1 }],
          },
        },
        selector: {},
      },
      extra: true,
    };
    const issues = store.validate('1.35', 'apps/v1', 'Deployment', doc);
    assert.deepEqual(
      issues.map((i) => [i.code, i.path.join('.'), i.key ?? '']),
      [
        ['unknown-field', 'metadata.lables', 'lables'],
        ['type', 'spec.replicas', ''],
        ['required', 'spec.template.spec.containers.0', 'name'],
        ['enum', 'spec.template.spec.containers.0.imagePullPolicy', ''],
        ['type', 'spec.template.spec.containers.0.ports.0.containerPort', ''],
        ['type', 'spec.template.spec.containers.1.tty', ''],
        ['unknown-field', 'extra', 'extra'],
      ],
    );
    assert.equal(issues[0].suggestion, 'labels');
  });

  it(`caps the issues of one document at ${MAX_ISSUES}`, () => {
    const data: Record<string, unknown> = {};
    for (let i = 0; i < 250; i++) data[`k${i}`] = i;
    const issues = store.validate('1.35', 'v1', 'ConfigMap', { apiVersion: 'v1', kind: 'ConfigMap', data });
    assert.equal(MAX_ISSUES, 200);
    assert.equal(issues.length, 200);
    assert.deepEqual(issues[199], { code: 'type', path: ['data', 'k199'], expected: ['string'], actual: 'integer' });
  });

  it('returns fresh path arrays (callers may keep them)', () => {
    const issues = store.validate('1.35', 'v1', 'Pod', pod({ containers: [container({ tty: 'x', stdin: 'y' })] }));
    assert.deepEqual(issues.map((i) => i.path), [
      ['spec', 'containers', 0, 'tty'],
      ['spec', 'containers', 0, 'stdin'],
    ]);
  });
});
