import { test } from 'node:test';
import assert from 'node:assert/strict';
import { only } from '../../helpers';
import { SECURITY_RULES } from '../../../server/src/core/rules/security';
import { createRegistry } from '../../../server/src/core/rules';
import { ruleEnabled } from '../../../server/src/core/rules/registry';
import { mergeConfig } from '../../../server/src/core/config/config';
import { hasMessage } from '../../../server/src/core/messages/catalog';
import { YamlDocModel } from '../../../server/src/core/model/yaml';
import { podsOf, podVolumes, volumeByName, effective } from '../../../server/src/core/model/pods';
import { YamlEditor } from '../../../server/src/core/fixes/yaml-edit';
import { applyEdits } from '../../../server/src/core/text';
import { BASELINE_CAPABILITIES, RESTRICTED_VOLUME_TYPES, safeSysctls, selinuxAllowedTypes, policyMinor } from '../../../server/src/core/rules/security/psa';
import { sec } from './helpers';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.env.DOCKYARD_ROOT ?? process.cwd();
const SPEC_PATH = [join(ROOT, 'docs/spec/RULES.md'), join(ROOT, '../shared/spec/RULES.md')].find((p) => existsSync(p));

test('every rule of the RULES.md security section is implemented with its PSS level, severity and fix column', (t) => {
  if (!SPEC_PATH) return t.skip('shared/spec/RULES.md is not beside the checkout');
  const SPEC = readFileSync(SPEC_PATH, 'utf8');
  const section = SPEC.slice(SPEC.indexOf('## Kubernetes: pod and container security'), SPEC.indexOf('## Dockerfile'));
  const rows = [...section.matchAll(/^\| `([a-z0-9-]+)` \|(.*)$/gm)].map((m) => [m[1], m[2].split('|').map((c) => c.trim())] as const);
  assert.equal(rows.length, SECURITY_RULES.length);
  const reg = createRegistry();
  for (const [id, cols] of rows) {
    const rule = reg.meta(id);
    assert.ok(rule, id);
    // pod rows: finds | PSS | default | quick fix; access rows: finds | default | quick fix
    const [pss, severity, fix] = cols.length >= 5 ? [cols[1], cols[2], cols[3]] : ['—', cols[1], cols[2]];
    assert.equal(rule.pss ?? '—', pss, id);
    assert.equal(severity.startsWith(rule.defaultSeverity), true, `${id}: ${severity}`);
    assert.equal(!!rule.fixTiers?.length, fix !== '—' && !fix.startsWith('— '), `${id} fix column "${fix}"`);
    for (const part of ['summary', 'fix']) assert.ok(hasMessage(`rule.${id}.${part}`), `${id}.${part}`);
    if (rule.fixTiers?.length) assert.ok(hasMessage(`rule.${id}.fixTitle`), `${id}.fixTitle`);
    assert.ok(rule.references?.length, id);
  }
});

test('every message id the security rules report exists in the catalog', () => {
  const text = readFileSync(join(process.env.DOCKYARD_ROOT ?? process.cwd(), 'test/fixtures/security/insecure.yaml'), 'utf8');
  for (const pss of ['baseline', 'restricted'] as const) {
    for (const f of sec(text, { pss })) {
      assert.ok(hasMessage(f.message.id), f.message.id);
      for (const x of f.fixes ?? []) assert.ok(hasMessage(x.title.id), x.title.id);
    }
  }
});

test('pss: baseline skips the restricted rules; seccomp-unconfined (both) decides itself', () => {
  const base = mergeConfig({ pss: 'baseline' });
  const skipped = SECURITY_RULES.filter((r) => !ruleEnabled(r, base)).map((r) => r.id);
  assert.deepEqual(skipped, ['privilege-escalation', 'capabilities-not-dropped', 'run-as-root', 'restricted-volume-type']);
  assert.ok(ruleEnabled(SECURITY_RULES.find((r) => r.id === 'seccomp-unconfined')!, base));
});

test('PSA sets: exactly those of pod-security-admission at the newest version, older versions by config', () => {
  assert.deepEqual([...BASELINE_CAPABILITIES].sort(), ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
  assert.deepEqual([...RESTRICTED_VOLUME_TYPES].sort(), ['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);
  assert.equal(safeSysctls(36).size, 12);
  assert.equal(safeSysctls(26).size, 5);
  assert.ok(!safeSysctls(31).has('net.ipv4.tcp_wmem'));
  assert.ok(selinuxAllowedTypes(31).has('container_engine_t'));
  assert.ok(!selinuxAllowedTypes(30).has('container_engine_t'));
  assert.equal(policyMinor(mergeConfig()), 36);
  assert.equal(policyMinor(mergeConfig({ kubernetes: { version: 'v1.29.3' } })), 29);
});

test('pods.ts: specPair, podVolumes, volumeByName and effective() (container wins)', () => {
  const doc = new YamlDocModel(`apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {runAsUser: 1000, runAsNonRoot: true}
          containers:
            - name: a
              securityContext: {runAsUser: 2000}
            - name: b
          volumes:
            - name: v
              hostPath: {path: /x}
            - name: w
`);
  const [pod] = podsOf(doc);
  assert.equal(podsOf(doc), podsOf(doc), 'memoized');
  assert.deepEqual(doc.keyRange(pod.specPair!), { start: { line: 7, character: 8 }, end: { line: 7, character: 12 } });
  assert.deepEqual(podVolumes(pod).map((v) => [v.name, v.source]), [['v', 'hostPath'], ['w', undefined]]);
  assert.equal(podVolumes(pod), podVolumes(pod));
  assert.equal(volumeByName(pod, 'v')?.index, 0);
  assert.equal(volumeByName(pod, 'nope'), undefined);
  const [a, b] = pod.containers;
  assert.equal(effective(a, 'runAsUser').level, 'container');
  assert.equal((effective(a, 'runAsUser').node as { value: number }).value, 2000);
  assert.equal(effective(b, 'runAsUser').level, 'pod');
  assert.equal(effective(b, 'seccompProfile').level, 'none');
});

test('YamlEditor: addPairs in one edit, before/after anchors, sequences written in flow style', () => {
  const doc = new YamlDocModel('a:\n  x: 1\n  y: 2\nb: {}\nc:\n');
  const ed = new YamlEditor(doc);
  const root = doc.contents as import('../../../server/src/core/model/ynode').YMap;
  const a = root.items[0].value as import('../../../server/src/core/model/ynode').YMap;
  assert.equal(applyEdits(doc.text, [ed.addPairs(a, [['p', 1], ['q', 'r']])]), 'a:\n  x: 1\n  y: 2\n  p: 1\n  q: r\nb: {}\nc:\n');
  assert.equal(applyEdits(doc.text, [ed.addPair(a, 'p', 1, { before: a.items[0] })]), 'a:\n  p: 1\n  x: 1\n  y: 2\nb: {}\nc:\n');
  assert.equal(applyEdits(doc.text, [ed.addPair(a, 'p', 1, { after: a.items[0] })]), 'a:\n  x: 1\n  p: 1\n  y: 2\nb: {}\nc:\n');
  assert.equal(applyEdits(doc.text, [ed.addPairs(root.items[1].value as import('../../../server/src/core/model/ynode').YMap, [['p', 1], ['q', [2]]])]), 'a:\n  x: 1\n  y: 2\nb: {p: 1, q: [2]}\nc:\n');
  assert.equal(applyEdits(doc.text, [ed.setKey(root, 'c', ['ALL'])]), 'a:\n  x: 1\n  y: 2\nb: {}\nc: [ALL]\n');
});

test('Helm templates: templated values are unknowable, never reported as bad values', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  securityContext:
    runAsNonRoot: {{ .Values.nonRoot }}
    seccompProfile:
      type: {{ .Values.seccomp }}
  automountServiceAccountToken: false
  containers:
    - name: app
      image: {{ .Values.image }}
      securityContext:
        allowPrivilegeEscalation: {{ .Values.ape }}
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
          add: [{{ .Values.cap }}]
      resources:
        limits: {cpu: 1, memory: 1Gi}
      env:
        - name: DB_PASSWORD
          value: {{ .Values.password | quote }}
`;
  assert.deepEqual(sec(text, {}, '/ws/chart/templates/pod.yaml').map((f) => f.rule), []);
  assert.equal(only(sec(text.replace('{{ .Values.password | quote }}', 'hunter2'), {}, '/ws/chart/templates/pod.yaml'), 'env-var-secret').length, 1);
});
