// Helm branches, values and capabilities (issue #13 part 2): the alternatives of an `if` chain are
// analysed as variants of their own, conditions are decided with the chart's values.yaml and named
// in findings, values_overrides/ files are alternative values, plain `{{ .Values.x }}` scalars take
// their default value, `.Capabilities` guards are decided for the selected Kubernetes version.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { DockyardService, type ServiceHost } from '../../../server/src/core/service';
import { createRegistry } from '../../../server/src/core/rules';
import { format } from '../../../server/src/core/messages/catalog';
import { createNodeHost } from '../../../server/src/host/node-host';
import { mergeConfig, type PartialConfig } from '../../../server/src/core/config/config';
import type { Finding } from '../../../server/src/core/types';
import { ROOT } from '../../lsp/client';
import { r } from '../../helpers';

const CHART = path.join(ROOT, 'test/fixtures/helm/relay');

async function lintChart(settings: PartialConfig = {}): Promise<Map<string, Finding[]>> {
  const registry = createRegistry();
  const service = new DockyardService({
    host: createNodeHost({ knownRules: new Set(registry.ids()), roots: () => [CHART] }),
    registry,
    settings,
    logRuleError: (rule, _p, e) => {
      throw new Error(`rule ${rule} threw: ${String(e)}`);
    },
  });
  const { files } = await service.lint([CHART]);
  return new Map(files.map((f) => [path.relative(CHART, f.path).split(path.sep).join('/'), f.findings]));
}

const brief = (f: Finding) => `${f.range.start.line + 1} ${f.severity} ${f.rule}: ${format(f.message)}`;

describe('Helm: branches are alternatives, decided by the chart values', () => {
  test('the Deployment and the StatefulSet branch are never one object (no "Unknown field serviceName")', async () => {
    const all = await lintChart();
    const worker = all.get('templates/workload-worker.yaml')!;
    assert.deepEqual(worker.filter((f) => f.rule.startsWith('schema-')).map(brief), []);
    // The whole chart: exactly these findings, each with its condition named.
    assert.deepEqual(worker.map(brief), [
      '30 information host-namespace: The pod uses the host\'s namespace (hostNetwork: true). Rendered only when pod.useHostNetwork.worker is true; the chart\'s default values (relay/values.yaml) leave it out.',
      '33 information host-namespace: The pod uses the host\'s namespace (hostIPC: true). Rendered only when conf.enable_iscsi is true; the chart\'s default values (relay/values.yaml) leave it out, relay/values_overrides/iscsi.yaml renders it.',
      '39 error privileged-container: Container "worker" runs privileged (securityContext.privileged: true). privileged is true: the default of pod.security_context.worker.privileged in relay/values.yaml.',
      '51 warning run-as-root: Container "ceph-keyring" runs as root (runAsUser: 0). Rendered only when `eq "true" (include "relay.utils.has_ceph" $envAll)` holds.',
      '58 information writable-host-mount: Container "sidecar" mounts hostPath volume "exports" at /exports writable. Rendered only when `eq conf.backend "nfs"` holds; the chart\'s default values (relay/values.yaml) leave it out.',
      '61 information host-path-volume: Volume "exports" is a hostPath volume. Rendered only when `eq conf.backend "nfs"` holds; the chart\'s default values (relay/values.yaml) leave it out.',
    ]);
  });

  test('the condition and the default value are related information (the {{ if }} action, the key in values.yaml)', async () => {
    const worker = (await lintChart()).get('templates/workload-worker.yaml')!;
    const ipc = worker.find((f) => f.rule === 'host-namespace' && f.range.start.line === 32)!;
    assert.deepEqual(
      ipc.related?.map((x) => [x.path ?? '', r({ range: x.range } as Finding), format(x.message)]),
      [['', [31, 0, 31, 35], 'The condition: `conf.enable_iscsi`.']],
    );
    const priv = worker.find((f) => f.rule === 'privileged-container')!;
    // "Set privileged to false" would write into the `{{ .Values… }}` action: not offered.
    assert.deepEqual((priv.fixes ?? []).filter((x) => x.kind !== 'ignore'), []);
    assert.deepEqual(
      priv.related?.map((x) => [x.path ? path.relative(CHART, x.path) : '', r({ range: x.range } as Finding), format(x.message)]),
      [['values.yaml', [15, 6, 15, 22], 'The default value of pod.security_context.worker.privileged: true.']],
    );
    // The pod's securityContext comes from an include: a finding that reads it says so.
    const root = worker.find((f) => f.rule === 'run-as-root')!;
    assert.deepEqual(
      root.related?.map((x) => [r({ range: x.range } as Finding), format(x.message)]),
      [
        [[46, 0, 46, 60], 'The condition: `eq "true" (include "relay.utils.has_ceph" $envAll)`.'],
        [[26, 0, 26, 109], 'The securityContext of this object comes from include "relay.snippets.pod_security_context", which Dockyard does not render: the finding assumes it sets nothing.'],
      ],
    );
  });

  test('a plain value from values.yaml is the default value: runAsUser 42424 is not root', async () => {
    const worker = (await lintChart()).get('templates/workload-worker.yaml')!;
    assert.deepEqual(worker.filter((f) => f.rule === 'run-as-root' && f.message.args?.container === 'worker'), []);
  });

  test('.Capabilities guards: the branch the selected version does not render is information, named', async () => {
    const all = await lintChart();
    assert.deepEqual(all.get('templates/pdb-worker.yaml')!.map(brief), [
      '5 information removed-api: policy/v1beta1 PodDisruptionBudget is not served since Kubernetes 1.25 (selected: 1.36); use policy/v1 (only apiVersion changes). Rendered only when `not (.Capabilities.APIVersions.Has "policy/v1/PodDisruptionBudget")` holds, which Kubernetes 1.36 (the selected version) does not.',
    ]);
    assert.deepEqual(all.get('templates/cron-job-cleanup.yaml')!.map(brief), [
      '5 information removed-api: batch/v1beta1 CronJob is not served since Kubernetes 1.25 (selected: 1.36); use batch/v1 (only apiVersion changes). Rendered only when `not (semverCompare ">=1.21-0" .Capabilities.KubeVersion)` holds, which Kubernetes 1.36 (the selected version) does not.',
    ]);
  });

  test('.Capabilities guards for an old cluster: 1.20 renders the v1beta1 CronJob (deprecated there, not removed)', async () => {
    const all = await lintChart({ kubernetes: { version: '1.20' } } as PartialConfig);
    const cron = all.get('templates/cron-job-cleanup.yaml')!;
    assert.deepEqual(cron.filter((f) => f.rule === 'removed-api').map(brief), []);
    assert.deepEqual(cron.filter((f) => f.rule === 'deprecated-api').map((f) => [f.range.start.line + 1, f.severity, f.message.notes]), [[5, 'warning', undefined]]);
  });
});

describe('Helm: alternatives across templates, unknowable names', () => {
  test('two templates rendering the same Deployment under opposite conditions are not duplicate resources', async () => {
    const all = await lintChart();
    assert.deepEqual(all.get('templates/deployment-proxy.yaml')!.map(brief), []);
    assert.deepEqual(all.get('templates/deployment-proxy-tls.yaml')!.map(brief), []);
  });

  test('a subject name rendered by an include is unknowable: shown as {{…}}, never ""', () => {
    const s = new DockyardService({ host: bareHost(), registry: createRegistry() });
    const text = [
      'apiVersion: rbac.authorization.k8s.io/v1',
      'kind: ClusterRoleBinding',
      'metadata:',
      '  name: admins',
      'subjects:',
      '  - kind: ServiceAccount',
      '    name:',
      '{{ include "chart.serviceAccountName" . | indent 6 }}',
      '    namespace: default',
      '  - kind: ServiceAccount',
      '    name: {{ .Values.sa }}',
      '    namespace: default',
      'roleRef: {kind: ClusterRole, name: cluster-admin, apiGroup: rbac.authorization.k8s.io}',
      '',
    ].join('\n');
    s.open('/c/templates/crb.yaml', 1, text);
    assert.deepEqual(s.diagnostics('/c/templates/crb.yaml').map(brief), [
      '6 error rbac-cluster-admin-binding: The ClusterRoleBinding gives cluster-admin to ServiceAccount "{{…}}".',
      '10 error rbac-cluster-admin-binding: The ClusterRoleBinding gives cluster-admin to ServiceAccount "{{ .Values.sa }}".',
    ]);
  });

  test('a templated port in a message is shown as {{…}} (not an empty or invisible text)', () => {
    const s = new DockyardService({ host: bareHost(), registry: createRegistry() });
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: exporter}',
      'spec:',
      '  containers:',
      '    - name: exporter',
      '      image: {{ .Values.image }}',
      '      ports:',
      '        - containerPort: 9100',
      '          hostPort: {{ tuple "metrics" . | include "chart.port" }}',
      '',
    ].join('\n');
    s.open('/c/templates/pod.yaml', 1, text);
    assert.deepEqual(s.diagnostics('/c/templates/pod.yaml').filter((f) => f.rule === 'host-port').map(brief), [
      '10 warning host-port: Container "exporter" binds host port {{…}}.',
    ]);
  });
});

function bareHost(): ServiceHost {
  return {
    readFile: () => {
      throw new Error('no files');
    },
    stat: () => ({ error: 'none' }),
    realPath: (p) => p,
    listFolder: () => undefined,
    isUnderChartTemplates: () => true,
    findConfig: () => ({ config: mergeConfig(), problems: [] }),
  };
}

describe('Helm: without a chart (no values.yaml), conditions are named at their own level', () => {
  test('an undecidable branch keeps its severity and names its condition; its alternatives are not merged', () => {
    const s = new DockyardService({ host: bareHost(), registry: createRegistry() });
    const text = [
      'apiVersion: apps/v1',
      '{{- if .Values.stateful }}',
      'kind: StatefulSet',
      'spec:',
      '  serviceName: web',
      '{{- else }}',
      'kind: Deployment',
      'spec:',
      '  strategy: {type: Recreate}',
      '{{- end }}',
      '  selector: {matchLabels: {app: web}}',
      '  template:',
      '    metadata: {labels: {app: web}}',
      '    spec:',
      '{{- if .Values.debug }}',
      '      hostPID: true',
      '{{- end }}',
      '      containers:',
      '        - name: web',
      '          image: {{ .Values.image }}',
      '',
    ].join('\n');
    s.open('/c/templates/web.yaml', 1, text);
    const found = s.diagnostics('/c/templates/web.yaml').filter((f) => f.rule === 'host-namespace' || f.rule.startsWith('schema-'));
    assert.deepEqual(found.map(brief), ['16 error host-namespace: The pod uses the host\'s namespace (hostPID: true). Rendered only when debug is true.']);
  });
});

describe('Helm: the service reads the chart values through its host', () => {
  const template = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '{{- if .Values.debug }}', '  hostPID: true', '{{- end }}', '  containers:', '    - {name: c, image: x}', ''].join('\n');
  const files: Record<string, string> = { '/c/values.yaml': 'debug: false\n', '/c/Chart.yaml': 'name: c\nversion: 1.0.0\n', '/c/templates/pod.yaml': template };
  const host = (): ServiceHost => ({
    ...bareHost(),
    readFile: (p) => {
      if (!(p in files)) throw new Error(`no ${p}`);
      return { text: files[p] };
    },
    stat: (p) => (p in files ? { type: 'file' } : p === '/c' || p === '/c/templates' ? { type: 'directory' } : { error: 'none' }),
  });

  test('an edit of values.yaml (open in the editor) decides the template again', () => {
    const s = new DockyardService({ host: host(), registry: createRegistry() });
    s.open('/c/templates/pod.yaml', 1, template);
    const hostPid = () => s.diagnostics('/c/templates/pod.yaml').filter((f) => f.rule === 'host-namespace').map(brief);
    assert.deepEqual(hostPid(), ['6 information host-namespace: The pod uses the host\'s namespace (hostPID: true). Rendered only when debug is true; the chart\'s default values (c/values.yaml) leave it out.']);
    s.open('/c/values.yaml', 1, 'debug: true\n');
    assert.deepEqual(hostPid(), ['6 error host-namespace: The pod uses the host\'s namespace (hostPID: true).']);
    s.update('/c/values.yaml', 2, 'debug: 0\n');
    assert.equal(hostPid()[0].split(' ')[1], 'information');
  });

  test('a values file whose real path leaves the chart is not read', () => {
    const s = new DockyardService({ host: { ...host(), realPath: (p) => (p === '/c/values.yaml' ? '/elsewhere/values.yaml' : p) }, registry: createRegistry() });
    s.open('/c/templates/pod.yaml', 1, template);
    assert.deepEqual(s.diagnostics('/c/templates/pod.yaml').filter((f) => f.rule === 'host-namespace').map(brief), [
      '6 error host-namespace: The pod uses the host\'s namespace (hostPID: true). Rendered only when debug is true.',
    ]);
  });
});
