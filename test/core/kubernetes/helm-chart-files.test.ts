// Helm charts as their files decide them (issue #13 part 2): templates in folders below templates/
// read their chart's values; conditions with an include beside a values path; `| default` values
// named in findings; subcharts under charts/ switched by the parent's Chart.yaml `condition:`/`tags:`.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { DockyardService, chartRootOf, type ServiceHost } from '../../../server/src/core/service';
import { createRegistry } from '../../../server/src/core/rules';
import { format } from '../../../server/src/core/messages/catalog';
import { mergeConfig } from '../../../server/src/core/config/config';
import type { Finding } from '../../../server/src/core/types';
import { r } from '../../helpers';

const brief = (f: Finding) => `${f.range.start.line + 1} ${f.severity} ${f.rule}: ${format(f.message)}`;

function memoryHost(files: Record<string, string>): ServiceHost {
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) for (let d = f.slice(0, f.lastIndexOf('/')); d; d = d.slice(0, d.lastIndexOf('/'))) dirs.add(d);
  return {
    readFile: (p) => {
      if (!(p in files)) throw new Error(`no ${p}`);
      return { text: files[p] };
    },
    stat: (p) => (p in files ? { type: 'file' } : dirs.has(p) ? { type: 'directory' } : { error: 'none' }),
    realPath: (p) => p,
    listFolder: () => undefined,
    isUnderChartTemplates: () => true,
    findConfig: () => ({ config: mergeConfig(), problems: [] }),
  };
}

function lintOne(files: Record<string, string>, path: string): Finding[] {
  const s = new DockyardService({ host: memoryHost(files), registry: createRegistry() });
  s.open(path, 1, files[path]);
  return s.diagnostics(path);
}

const POD = (extra: string[]) =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata: {name: p}',
    'spec:',
    '  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}',
    '  automountServiceAccountToken: false',
    '  containers:',
    '    - name: c',
    '      image: registry.example/c:1.0',
    '      resources: {limits: {cpu: 100m, memory: 64Mi}, requests: {cpu: 100m, memory: 64Mi}}',
    '      securityContext:',
    '        allowPrivilegeEscalation: false',
    '        readOnlyRootFilesystem: true',
    '        capabilities: {drop: [ALL]}',
    ...extra,
    '',
  ].join('\n');

describe('Helm: the chart of a template in a folder below templates/', () => {
  test('chartRootOf: the folder above the nearest templates folder', () => {
    assert.deepEqual(
      ['/r/db/templates/x.yaml', '/r/db/templates/primary/x.yaml', '/r/shop/charts/db/templates/read/x.yaml', '/r/db/x.yaml', 'C:\\r\\db\\templates\\primary\\x.yaml'].map(chartRootOf),
      ['/r/db', '/r/db', '/r/shop/charts/db', undefined, 'C:\\r\\db'],
    );
  });

  test('templates/primary/sts.yaml is decided with the chart values.yaml (information, condition named)', () => {
    const files = {
      '/r/db/Chart.yaml': 'name: db\nversion: 1.0.0\n',
      '/r/db/values.yaml': 'sysctl:\n  enabled: false\n',
      '/r/db/templates/primary/pod.yaml': POD(['{{- if .Values.sysctl.enabled }}', '  hostPID: true', '{{- end }}']),
    };
    assert.deepEqual(lintOne(files, '/r/db/templates/primary/pod.yaml').filter((f) => f.rule === 'host-namespace').map(brief), [
      '16 information host-namespace: The pod uses the host\'s namespace (hostPID: true). Rendered only when sysctl.enabled is true; the chart\'s default values (db/values.yaml) leave it out.',
    ]);
  });
});

describe('Helm: a condition with an include beside a values path', () => {
  test('and (include …) .Values.psp.create is off when psp.create is false: a removed API only at information level', () => {
    const files = {
      '/r/db/Chart.yaml': 'name: db\nversion: 1.0.0\n',
      '/r/db/values.yaml': 'psp:\n  create: false\n',
      '/r/db/templates/psp.yaml': [
        '{{- if and (include "common.capabilities.psp.supported" .) .Values.psp.create }}',
        'apiVersion: policy/v1beta1',
        'kind: PodSecurityPolicy',
        'metadata: {name: p}',
        'spec: {}',
        '{{- end }}',
        '',
      ].join('\n'),
    };
    const found = lintOne(files, '/r/db/templates/psp.yaml').filter((f) => f.rule === 'removed-api');
    assert.deepEqual(found.map((f) => [f.range.start.line + 1, f.severity, format(f.message.notes![0])]), [
      [2, 'information', 'Rendered only when `(include "common.capabilities.psp.supported" .) and psp.create` holds; the chart\'s default values (db/values.yaml) leave it out.'],
    ]);
  });

  test('or with a values path that is on keeps the finding at its severity, without a condition note', () => {
    const files = {
      '/r/db/Chart.yaml': 'name: db\nversion: 1.0.0\n',
      '/r/db/values.yaml': 'debug: true\n',
      '/r/db/templates/pod.yaml': POD(['{{- if or $needsHost .Values.debug }}', '  hostPID: true', '{{- end }}']),
    };
    assert.deepEqual(lintOne(files, '/r/db/templates/pod.yaml').filter((f) => f.rule === 'host-namespace').map(brief), [
      '16 error host-namespace: The pod uses the host\'s namespace (hostPID: true).',
    ]);
  });
});

describe('Helm: `| default` values', () => {
  const files = (values: string) => ({
    '/r/db/Chart.yaml': 'name: db\nversion: 1.0.0\n',
    '/r/db/values.yaml': values,
    '/r/db/templates/pod.yaml': POD(['        runAsUser: {{ .Values.uid | default 0 }}', '        privileged: {{ default false .Values.privileged }}']),
  });

  test('an empty value renders the template\'s default literal, and the note says so', () => {
    const found = lintOne(files('uid: null\nprivileged: true\n'), '/r/db/templates/pod.yaml').filter((f) => f.rule === 'run-as-root' || f.rule === 'privileged-container');
    assert.deepEqual(found.map(brief), [
      '15 warning run-as-root: Container "c" runs as root (runAsUser: 0). runAsUser is 0: the template\'s `default`, as uid is empty in db/values.yaml.',
      '16 error privileged-container: Container "c" runs privileged (securityContext.privileged: true). privileged is true: the default of privileged in db/values.yaml.',
    ]);
  });

  test('a value set in values.yaml wins over the default literal', () => {
    const found = lintOne(files('uid: 1000\n'), '/r/db/templates/pod.yaml').filter((f) => f.rule === 'run-as-root' || f.rule === 'privileged-container');
    assert.deepEqual(found.map(brief), []);
  });
});

describe('Helm: a subchart under charts/ and the parent\'s Chart.yaml', () => {
  const sub = POD(['  hostNetwork: true']);
  const parent = (values: string, dep: string) => ({
    '/r/shop/Chart.yaml': `apiVersion: v2\nname: shop\nversion: 1.0.0\ndependencies:\n${dep}`,
    '/r/shop/values.yaml': values,
    '/r/shop/charts/db/Chart.yaml': 'name: db\nversion: 1.0.0\n',
    '/r/shop/charts/db/values.yaml': 'replicas: 1\n',
    '/r/shop/charts/db/templates/pod.yaml': sub,
  });
  const hostNet = (files: Record<string, string>) => lintOne(files, '/r/shop/charts/db/templates/pod.yaml').filter((f) => f.rule === 'host-namespace');

  test('condition: false in the parent\'s values: information, the condition and the Chart.yaml entry named', () => {
    const found = hostNet(parent('db:\n  enabled: false\n', '  - name: db\n    version: 1.x\n    condition: db.enabled\n'));
    assert.deepEqual(found.map(brief), [
      '15 information host-namespace: The pod uses the host\'s namespace (hostNetwork: true). Part of subchart db, which shop/Chart.yaml renders only when db.enabled is true; the parent\'s default values (shop/values.yaml) leave it out.',
    ]);
    assert.deepEqual(found[0].related?.map((x) => [x.path, r({ range: x.range } as Finding), format(x.message)]), [['/r/shop/Chart.yaml', [6, 4, 6, 25], 'The condition: `db.enabled`.']]);
  });

  test('condition true, or absent from the values: rendered (Helm\'s default), severity kept', () => {
    assert.deepEqual(hostNet(parent('db:\n  enabled: true\n', '  - name: db\n    condition: db.enabled\n')).map((f) => f.severity), ['error']);
    assert.deepEqual(hostNet(parent('other: 1\n', '  - name: db\n    condition: db.enabled\n')).map((f) => f.severity), ['error']);
  });

  test('tags: all false switch it off; a true tag keeps it; a condition overrides the tags; an alias names the folder', () => {
    assert.deepEqual(hostNet(parent('tags:\n  backend: false\n', '  - name: db\n    tags: [backend]\n')).map((f) => [f.severity, format(f.message.notes![0])]), [
      ['information', 'Part of subchart db, which shop/Chart.yaml renders only when tags.backend is true; the parent\'s default values (shop/values.yaml) leave it out.'],
    ]);
    assert.deepEqual(hostNet(parent('tags:\n  backend: false\n  data: true\n', '  - name: db\n    tags: [backend, data]\n')).map((f) => f.severity), ['error']);
    assert.deepEqual(hostNet(parent('tags:\n  backend: false\ndb:\n  enabled: true\n', '  - name: db\n    tags: [backend]\n    condition: db.enabled\n')).map((f) => f.severity), ['error']);
    assert.deepEqual(hostNet(parent('store:\n  enabled: false\n', '  - name: postgresql\n    alias: db\n    condition: store.enabled\n')).map((f) => f.severity), ['information']);
  });

  test('the parent\'s values for the subchart are merged over its own', () => {
    const files = parent('db:\n  debug: true\n', '  - name: db\n');
    files['/r/shop/charts/db/values.yaml'] = 'debug: false\n';
    files['/r/shop/charts/db/templates/pod.yaml'] = POD(['{{- if .Values.debug }}', '  hostPID: true', '{{- end }}']);
    assert.deepEqual(hostNet(files).map(brief), ['16 error host-namespace: The pod uses the host\'s namespace (hostPID: true).']);
  });
});

describe('Helm: a comment between a masked include and the literal lines it continues', () => {
  const chart = (body: string[]) => ({
    '/r/db/Chart.yaml': 'name: db\nversion: 1.0.0\n',
    '/r/db/values.yaml': 'x: 1\n',
    '/r/db/templates/secret.yaml': ['apiVersion: v1', 'kind: Secret', 'metadata:', '  name: x', ...body, 'type: Opaque', ''].join('\n'),
  });
  const syntax = (files: Record<string, string>) => lintOne(files, '/r/db/templates/secret.yaml').filter((f) => f.rule === 'yaml-syntax').map((f) => r(f));

  test('labels: {{- include … | nindent 4 }}, a comment, then literal labels: no yaml-syntax error (an artefact of masking)', () => {
    assert.deepEqual(syntax(chart(['  labels: {{- include "common.labels.standard" . | nindent 4 }}', '    # Mandatory label', '    app.kubernetes.io/part-of: argocd'])), []);
  });

  test('a bad indentation after a comment whose content line above is not masked is still reported', () => {
    assert.deepEqual(syntax(chart(['  labels: {{- include "common.labels.standard" . | nindent 4 }}', '  annotations:', '    a: b', '    # note', '   c: d'])), [[8, 3, 8, 4]]);
  });
});
