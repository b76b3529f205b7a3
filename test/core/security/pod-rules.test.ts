import { test } from 'node:test';
import assert from 'node:assert/strict';
import { only, r } from '../../helpers';
import { GOOD, roundTrip, sec, del, WITH_VOLUMES } from './helpers';

test('the hardened pod passes every security rule at restricted and baseline', () => {
  assert.deepEqual(sec(GOOD), []);
  assert.deepEqual(sec(GOOD, { pss: 'baseline' }), []);
});

test('privileged-container: the pair, set false, not fix-all', () => {
  const text = GOOD.replace('        allowPrivilegeEscalation: false\n', '        privileged: true\n');
  const f = only(sec(text), 'privileged-container');
  assert.deepEqual(f.map(r), [[18, 8, 18, 24]]);
  assert.equal(f[0].fixes![0].tier, 'review');
  const fixed = roundTrip(text, f[0]);
  assert.equal(fixed, text.replace('privileged: true', 'privileged: false'));
});

test('privilege-escalation: missing → warning on the securityContext key, fix-all adds the field', () => {
  const text = del(GOOD, '        allowPrivilegeEscalation: false');
  const f = only(sec(text), 'privilege-escalation');
  assert.deepEqual(f.map(r), [[17, 6, 17, 21]]);
  assert.equal(f[0].severity, 'warning');
  assert.equal(f[0].fixes![0].tier, 'safe');
  assert.equal(roundTrip(text, f[0]), text + '        allowPrivilegeEscalation: false\n');
});

test('privilege-escalation: true → error on the pair, quick fix only', () => {
  const text = GOOD.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true');
  const f = only(sec(text), 'privilege-escalation');
  assert.deepEqual(f.map(r), [[18, 8, 18, 38]]);
  assert.equal(f[0].severity, 'error');
  assert.equal(f[0].fixes![0].tier, 'review');
  assert.equal(roundTrip(text, f[0]), GOOD);
});

test('privilege-escalation: no securityContext at all → the name pair; the fix creates it after image', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
  - name: app
    image: nginx:1.27
    ports:
    - containerPort: 80
`;
  const f = only(sec(text), 'privilege-escalation');
  assert.deepEqual(f.map(r), [[6, 4, 6, 13]]);
  assert.equal(
    roundTrip(text, f[0]),
    text.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    securityContext:\n      allowPrivilegeEscalation: false\n'),
  );
});

test('privilege-escalation: no fix where the API would reject false (privileged, SYS_ADMIN); Windows pods exempt', () => {
  const priv = del(GOOD, '        allowPrivilegeEscalation: false').replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        privileged: true\n');
  assert.equal(only(sec(priv), 'privilege-escalation')[0].fixes, undefined);
  const sysAdmin = del(GOOD, '        allowPrivilegeEscalation: false').replace('drop: [ALL]', 'drop: [ALL]\n          add: [SYS_ADMIN]');
  assert.equal(only(sec(sysAdmin), 'privilege-escalation')[0].fixes, undefined);
  const windows = del(GOOD, '        allowPrivilegeEscalation: false').replace('spec:\n', 'spec:\n  os:\n    name: windows\n');
  assert.deepEqual(only(sec(windows), 'privilege-escalation'), []);
});

test('host-namespace: each true field, removed by the fix; false is fine', () => {
  const text = GOOD.replace('  automountServiceAccountToken: false\n', '  automountServiceAccountToken: false\n  hostNetwork: true # needed for OVS\n  hostPID: false\n  hostIPC: true\n');
  const f = only(sec(text), 'host-namespace');
  assert.deepEqual(f.map(r), [[6, 2, 6, 19], [8, 2, 8, 15]]);
  assert.deepEqual(f.map((x) => x.message.args), [{ field: 'hostNetwork' }, { field: 'hostIPC' }]);
  assert.equal(roundTrip(text, f[0]), text.replace('  hostNetwork: true # needed for OVS\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('  hostIPC: true\n', ''));
  assert.equal(f[0].fixes![0].tier, 'review');
});

test('host-path-volume: every hostPath volume entry; fix replaces hostPath with emptyDir: {}', () => {
  const f = only(sec(WITH_VOLUMES), 'host-path-volume');
  assert.deepEqual(f.map(r), [[37, 6, 40, 23], [41, 6, 42, 36], [43, 6, 45, 28], [46, 6, 48, 45]]);
  assert.equal(
    roundTrip(WITH_VOLUMES, f[0], { allowNew: ['restricted-volume-type'] }),
    WITH_VOLUMES.replace('      hostPath:\n        path: /dev\n        type: Directory\n', '      emptyDir: {}\n'),
  );
  assert.equal(roundTrip(WITH_VOLUMES, f[1]), WITH_VOLUMES.replace('hostPath: {path: /lib/modules}', 'emptyDir: {}'));
});

test('sensitive-host-path and runtime-socket-mount: the path pair, one rule each, no fixes', () => {
  const s = only(sec(WITH_VOLUMES), 'sensitive-host-path');
  assert.deepEqual(s.map(r), [[39, 8, 39, 18], [42, 17, 42, 35]]);
  assert.deepEqual(s.map((x) => x.message.args), [
    { volume: 'dev', path: '/dev', prefix: '/dev' },
    { volume: 'modules', path: '/lib/modules', prefix: '/lib' },
  ]);
  assert.equal(s[0].fixes, undefined);
  const k = only(sec(WITH_VOLUMES), 'runtime-socket-mount');
  assert.deepEqual(k.map(r), [[48, 8, 48, 45]]);
  for (const p of ['/', '/var/run', '/run/', '/var/run/docker.sock', '/run/crio/crio.sock', '//etc//kubernetes/', '/var/lib/kubelet/pods', '/usr/../root']) {
    const text = GOOD + `  volumes:\n    - name: v\n      hostPath:\n        path: ${p}\n`;
    const all = sec(text);
    assert.equal(only(all, 'sensitive-host-path').length + only(all, 'runtime-socket-mount').length, 1, p);
  }
  for (const p of ['/run/lock/lvm', '/var/lib/nova', '/srv/data', '/etcd-backup', '/devices']) {
    const text = GOOD + `  volumes:\n    - name: v\n      hostPath:\n        path: ${p}\n`;
    assert.equal(only(sec(text), 'sensitive-host-path').length + only(sec(text), 'runtime-socket-mount').length, 0, p);
  }
});

test('writable-host-mount: the volumeMount entry; fix-all adds readOnly, explicit false is quick fix only', () => {
  const f = only(sec(WITH_VOLUMES), 'writable-host-mount');
  assert.deepEqual(f.map(r), [[23, 10, 24, 25], [28, 10, 30, 25], [31, 10, 32, 52]]);
  assert.equal(f[0].fixes![0].tier, 'safe');
  assert.equal(f[1].fixes![0].tier, 'review');
  assert.equal(roundTrip(WITH_VOLUMES, f[0]), WITH_VOLUMES.replace('          mountPath: /dev\n', '          mountPath: /dev\n          readOnly: true\n'));
  assert.equal(roundTrip(WITH_VOLUMES, f[1]), WITH_VOLUMES.replace('readOnly: false', 'readOnly: true'));
});

test('mount-propagation: Bidirectional pair removed; HostToContainer is fine', () => {
  const f = only(sec(WITH_VOLUMES), 'mount-propagation');
  assert.deepEqual(f.map(r), [[35, 10, 35, 41]]);
  assert.equal(roundTrip(WITH_VOLUMES, f[0]), WITH_VOLUMES.replace('          mountPropagation: Bidirectional\n', ''));
  assert.deepEqual(only(sec(WITH_VOLUMES.replace('Bidirectional', 'HostToContainer')), 'mount-propagation'), []);
});

test('restricted-volume-type: nfs reported, image / emptyDir / hostPath (host-path-volume\'s) not', () => {
  const f = only(sec(WITH_VOLUMES), 'restricted-volume-type');
  assert.deepEqual(f.map(r), [[51, 6, 54, 22]]);
  assert.deepEqual(f[0].message.args, { volume: 'share', type: 'nfs' });
  assert.deepEqual(only(sec(WITH_VOLUMES, { pss: 'baseline' }), 'restricted-volume-type'), []);
});

test('host-port: non-zero hostPort pair, removed by the fix; hostPort 0 allowed', () => {
  const text = GOOD + `      ports:\n        - containerPort: 8080\n          hostPort: 80\n        - hostPort: 443\n          containerPort: 8443\n        - containerPort: 9000\n          hostPort: 0\n`;
  const f = only(sec(text), 'host-port');
  assert.deepEqual(f.map(r), [[24, 10, 24, 22], [25, 10, 25, 23]]);
  assert.equal(roundTrip(text, f[0]), text.replace('          hostPort: 80\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('        - hostPort: 443\n          containerPort: 8443\n', '        - containerPort: 8443\n'));
});

test('dangerous-capability: entries outside the baseline list, removed one by one', () => {
  const text = GOOD.replace('drop: [ALL]', 'drop: [ALL]\n          add:\n            - NET_ADMIN # for tc\n            - CHOWN\n            - CAP_SYS_ADMIN');
  const f = only(sec(text), 'dangerous-capability');
  assert.deepEqual(f.map(r), [[23, 14, 23, 23], [25, 14, 25, 27]]);
  assert.deepEqual(f.map((x) => x.message.args!.capability), ['NET_ADMIN', 'CAP_SYS_ADMIN']);
  assert.equal(roundTrip(text, f[0], { pss: 'baseline' } as never), text.replace('            - NET_ADMIN # for tc\n', ''));
  const flow = GOOD.replace('drop: [ALL]', 'drop: [ALL]\n          add: [SYS_PTRACE, NET_BIND_SERVICE]');
  const g = only(sec(flow), 'dangerous-capability');
  assert.deepEqual(g.map(r), [[22, 16, 22, 26]]);
  assert.equal(roundTrip(flow, g[0]), flow.replace('[SYS_PTRACE, NET_BIND_SERVICE]', '[NET_BIND_SERVICE]'));
});

test('capabilities-not-dropped: drop without ALL, no drop, baseline-allowed additions', () => {
  const noAll = GOOD.replace('drop: [ALL]', 'drop: [NET_RAW]');
  const f = only(sec(noAll), 'capabilities-not-dropped');
  assert.deepEqual(f.map(r), [[21, 10, 21, 14]]);
  assert.equal(roundTrip(noAll, f[0]), GOOD.replace('drop: [ALL]', 'drop: [NET_RAW, ALL]'));
  const none = del(del(GOOD, '        capabilities:'), '          drop: [ALL]');
  const g = only(sec(none), 'capabilities-not-dropped');
  assert.deepEqual(g.map(r), [[17, 6, 17, 21]]);
  assert.equal(g[0].fixes![0].tier, 'review');
  assert.equal(roundTrip(none, g[0]), GOOD.replace('drop: [ALL]', 'drop: [ALL]').replace('        capabilities:\n          drop: [ALL]\n', '') + '        capabilities:\n          drop: [ALL]\n');
  const add = GOOD.replace('drop: [ALL]', 'drop: [ALL]\n          add: [NET_BIND_SERVICE, SETUID, SYS_ADMIN]');
  const h = only(sec(add), 'capabilities-not-dropped');
  assert.deepEqual(h.map(r), [[22, 34, 22, 40]]);
  assert.deepEqual(h[0].message.args, { container: 'app', capability: 'SETUID' });
});

test('run-as-root: runAsUser 0 (pod and container), runAsNonRoot false, missing everywhere', () => {
  const zero = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    runAsUser: 0\n').replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        runAsUser: 0\n');
  const f = only(sec(zero), 'run-as-root');
  assert.deepEqual(f.map(r), [[8, 4, 8, 16], [21, 8, 21, 20]]);
  assert.deepEqual(f.map((x) => x.message.id), ['rule.run-as-root.messageUserPod', 'rule.run-as-root.messageUser']);
  assert.equal(f[0].fixes, undefined);
  const no = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: false\n');
  const g = only(sec(no), 'run-as-root');
  assert.deepEqual(g.map(r), [[7, 4, 7, 23]]);
  assert.equal(roundTrip(no, g[0]), GOOD);
  const missing = del(GOOD, '    runAsNonRoot: true');
  const h = only(sec(missing), 'run-as-root');
  assert.deepEqual(h.map(r), [[16, 6, 16, 21]]);
  assert.equal(roundTrip(missing, h[0]), missing.replace('  securityContext:\n    seccompProfile:', '  securityContext:\n    seccompProfile:').replace('      type: RuntimeDefault\n', '      type: RuntimeDefault\n    runAsNonRoot: true\n'));
  // A container-level true is enough; container false beats pod true (the container wins).
  const containerTrue = missing.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        runAsNonRoot: true\n');
  assert.deepEqual(only(sec(containerTrue), 'run-as-root'), []);
  const containerFalse = GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        runAsNonRoot: false\n');
  assert.deepEqual(only(sec(containerFalse), 'run-as-root').map(r), [[20, 8, 20, 27]]);
});

test('run-as-root: hostUsers: false pods are exempt from policy 1.35 on', () => {
  const text = del(GOOD, '    runAsNonRoot: true').replace('spec:\n', 'spec:\n  hostUsers: false\n');
  assert.deepEqual(only(sec(text), 'run-as-root'), []);
  assert.equal(only(sec(text, { kubernetes: { version: '1.34' } }), 'run-as-root').length, 1);
});

test('writable-root-filesystem: missing or false', () => {
  const missing = del(GOOD, '        readOnlyRootFilesystem: true');
  const f = only(sec(missing), 'writable-root-filesystem');
  assert.deepEqual(f.map(r), [[17, 6, 17, 21]]);
  assert.equal(f[0].severity, 'information');
  assert.equal(roundTrip(missing, f[0]), missing + '        readOnlyRootFilesystem: true\n');
  const no = GOOD.replace('readOnlyRootFilesystem: true', 'readOnlyRootFilesystem: false');
  const g = only(sec(no), 'writable-root-filesystem');
  assert.deepEqual(g.map(r), [[19, 8, 19, 37]]);
  assert.equal(roundTrip(no, g[0]), GOOD);
});

test('seccomp-unconfined: Unconfined at pod and container level, fixed to RuntimeDefault (quick fix)', () => {
  const text = GOOD.replace('type: RuntimeDefault', 'type: Unconfined').replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile: {type: Unconfined}\n');
  for (const pss of ['baseline', 'restricted'] as const) {
    const f = only(sec(text, { pss }), 'seccomp-unconfined');
    assert.deepEqual(f.map(r), [[9, 6, 9, 22], [20, 25, 20, 41]], pss);
    assert.equal(f[0].fixes![0].tier, 'review');
  }
  const f = only(sec(text), 'seccomp-unconfined');
  assert.equal(roundTrip(text, f[0]), text.replace('      type: Unconfined', '      type: RuntimeDefault'));
  assert.equal(roundTrip(text, f[1]), text.replace('{type: Unconfined}', '{type: RuntimeDefault}'));
});

test('seccomp-unconfined: missing profile is flagged only at restricted; fix-all sets it on the pod', () => {
  const text = GOOD.replace('    seccompProfile:\n      type: RuntimeDefault\n', '');
  assert.deepEqual(only(sec(text, { pss: 'baseline' }), 'seccomp-unconfined'), []);
  const f = only(sec(text), 'seccomp-unconfined');
  assert.deepEqual(f.map(r), [[15, 6, 15, 21]]);
  assert.equal(f[0].fixes![0].tier, 'safe');
  assert.equal(roundTrip(text, f[0]), text.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    seccompProfile:\n      type: RuntimeDefault\n'));
  // a container's own Localhost profile is enough
  const own = text.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seccompProfile:\n          type: Localhost\n          localhostProfile: profiles/app.json\n');
  assert.deepEqual(only(sec(own), 'seccomp-unconfined'), []);
  // Windows pods are exempt from the restricted part
  assert.deepEqual(only(sec(text.replace('spec:\n', 'spec:\n  os: {name: windows}\n')), 'seccomp-unconfined'), []);
});

test('apparmor-unconfined: field (pod and container) and legacy annotation', () => {
  const text = GOOD.replace('  name: demo\n', '  name: demo\n  annotations:\n    container.apparmor.security.beta.kubernetes.io/app: unconfined\n    container.apparmor.security.beta.kubernetes.io/side: localhost/k8s-side\n')
    .replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    appArmorProfile:\n      type: Unconfined\n')
    .replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        appArmorProfile: {type: RuntimeDefault}\n');
  const f = only(sec(text), 'apparmor-unconfined');
  assert.deepEqual(f.map(r), [[5, 4, 5, 66], [12, 6, 12, 22]]);
  assert.equal(roundTrip(text, f[1]), text.replace('      type: Unconfined', '      type: RuntimeDefault'));
  assert.equal(roundTrip(text, f[0]), text.replace('/app: unconfined', '/app: runtime/default'));
});

test('selinux-options: type outside the set, user and role; container_engine_t from 1.31', () => {
  const text = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    seLinuxOptions:\n      type: container_engine_t\n      level: "s0:c123,c456"\n')
    .replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        seLinuxOptions:\n          type: spc_t\n          user: system_u\n          role: ""\n');
  const f = only(sec(text), 'selinux-options');
  assert.deepEqual(f.map(r), [[24, 10, 24, 21], [25, 10, 25, 24]]);
  assert.equal(f[0].fixes, undefined);
  assert.deepEqual(only(sec(text, { kubernetes: { version: '1.30' } }), 'selinux-options').map(r), [[9, 6, 9, 30], [24, 10, 24, 21], [25, 10, 25, 24]]);
});

test('proc-mount-unmasked: Unmasked pair set to Default; hostUsers: false relaxes baseline only', () => {
  const text = GOOD.replace('        readOnlyRootFilesystem: true\n', '        readOnlyRootFilesystem: true\n        procMount: Unmasked\n');
  const f = only(sec(text), 'proc-mount-unmasked');
  assert.deepEqual(f.map(r), [[20, 8, 20, 27]]);
  assert.equal(roundTrip(text, f[0]), text.replace('procMount: Unmasked', 'procMount: Default'));
  const userns = text.replace('spec:\n', 'spec:\n  hostUsers: false\n');
  assert.deepEqual(only(sec(userns, { pss: 'baseline' }), 'proc-mount-unmasked'), []);
  assert.equal(only(sec(userns, { pss: 'baseline', kubernetes: { version: '1.34' } }), 'proc-mount-unmasked').length, 1);
  assert.equal(only(sec(userns), 'proc-mount-unmasked').length, 1);
});

test('unsafe-sysctl: entries outside the safe set (by version), removed by the fix', () => {
  const text = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    sysctls:\n      - name: net.ipv4.tcp_rmem\n        value: "4096 87380 16777216"\n      - name: net.core.somaxconn\n        value: "1024"\n');
  const f = only(sec(text), 'unsafe-sysctl');
  assert.deepEqual(f.map(r), [[11, 8, 12, 21]]);
  assert.equal(roundTrip(text, f[0]), text.replace('      - name: net.core.somaxconn\n        value: "1024"\n', ''));
  assert.deepEqual(only(sec(text, { kubernetes: { version: '1.31' } }), 'unsafe-sysctl').map((x) => x.message.args!.sysctl), ['net.ipv4.tcp_rmem', 'net.core.somaxconn']);
});

test('host-process: pod and container windowsOptions.hostProcess: true', () => {
  const text = GOOD.replace('    runAsNonRoot: true\n', '    runAsNonRoot: true\n    windowsOptions:\n      hostProcess: true\n      runAsUserName: "NT AUTHORITY\\\\SYSTEM"\n');
  const f = only(sec(text), 'host-process');
  assert.deepEqual(f.map(r), [[9, 6, 9, 23]]);
  assert.equal(roundTrip(text, f[0]), text.replace('      hostProcess: true\n', ''));
});

test('host-probe: host in probes and lifecycle handlers (1.34+), removed by the fix', () => {
  const text = GOOD + `      readinessProbe:
        httpGet:
          host: 10.0.0.1
          port: 8080
      lifecycle:
        preStop:
          tcpSocket: {host: metadata.internal, port: 80}
      livenessProbe:
        tcpSocket:
          host: ""
          port: 80
`;
  const f = only(sec(text), 'host-probe');
  assert.deepEqual(f.map(r), [[24, 10, 24, 24], [28, 22, 28, 45]]);
  assert.equal(roundTrip(text, f[0]), text.replace('          host: 10.0.0.1\n', ''));
  assert.equal(roundTrip(text, f[1]), text.replace('{host: metadata.internal, port: 80}', '{port: 80}'));
  assert.deepEqual(only(sec(text, { kubernetes: { version: '1.33' } }), 'host-probe'), []);
});

test('service-account-token: missing → the spec key, true → the pair; fix sets false', () => {
  const missing = del(GOOD, '  automountServiceAccountToken: false');
  const f = only(sec(missing), 'service-account-token');
  assert.deepEqual(f.map(r), [[4, 0, 4, 4]]);
  assert.equal(roundTrip(missing, f[0]), GOOD);
  const yes = GOOD.replace('automountServiceAccountToken: false', 'automountServiceAccountToken: true');
  const g = only(sec(yes), 'service-account-token');
  assert.deepEqual(g.map(r), [[5, 2, 5, 36]]);
  assert.equal(roundTrip(yes, g[0]), GOOD);
});

test('env-var-secret: literal secret-looking values move to secretKeyRef', () => {
  const text = GOOD + `      env:
        - name: DB_PASSWORD # from the vault
          value: "hunter2"
        - {name: apiToken, value: abc123}
        - name: PASSWORD_FILE
          value: /run/secrets/db
        - name: OS_AUTH_URL
          value: http://keystone:5000/v3
        - name: SECRET_KEY
          value: ""
        - name: KEYSTONE_HOST
          value: keystone
`;
  const f = only(sec(text), 'env-var-secret');
  assert.deepEqual(f.map(r), [[23, 10, 24, 26], [25, 10, 25, 41]]);
  assert.equal(
    roundTrip(text, f[0]),
    text.replace('          value: "hunter2"\n', '          valueFrom:\n            secretKeyRef:\n              name: demo-secrets\n              key: db_password\n'),
  );
  assert.equal(roundTrip(text, f[1]), text.replace('value: abc123}', 'valueFrom: {secretKeyRef: {name: demo-secrets, key: apitoken}}}'));
});

test('image-latest-tag: no tag or latest, digest pins', () => {
  const mk = (image: string) => GOOD.replace('nginx:1.27', image);
  assert.deepEqual(only(sec(mk('nginx')), 'image-latest-tag').map(r), [[12, 6, 12, 18]]);
  assert.equal(only(sec(mk('registry:5000/ns/app:latest')), 'image-latest-tag')[0].message.id, 'rule.image-latest-tag.messageLatest');
  assert.equal(only(sec(mk('registry:5000/ns/app')), 'image-latest-tag')[0].message.id, 'rule.image-latest-tag.messageNoTag');
  assert.deepEqual(only(sec(mk('nginx@sha256:0123456789abcdef')), 'image-latest-tag'), []);
  assert.deepEqual(only(sec(mk('nginx:latest@sha256:0123456789abcdef')), 'image-latest-tag'), []);
  assert.deepEqual(only(sec(mk('registry:5000/ns/app:2024.1')), 'image-latest-tag'), []);
});

test('missing-resource-limits: configured defaults, requests respected, partial limits', () => {
  const none = GOOD.replace('      resources:\n        limits:\n          cpu: 500m\n          memory: 128Mi\n', '');
  const f = only(sec(none, { resources: { defaultCpuLimit: '1', defaultMemoryLimit: '1Gi' } }), 'missing-resource-limits');
  assert.deepEqual(f.map(r), [[11, 6, 11, 15]]);
  assert.equal(
    roundTrip(none, f[0], { config: { resources: { defaultCpuLimit: '1', defaultMemoryLimit: '1Gi' } } }),
    none.replace('      image: nginx:1.27\n', '      image: nginx:1.27\n      resources:\n        limits:\n          cpu: "1"\n          memory: "1Gi"\n'),
  );
  const reqs = GOOD.replace('        limits:\n          cpu: 500m\n          memory: 128Mi\n', '        requests:\n          cpu: "2"\n          memory: 64Mi\n');
  const g = only(sec(reqs), 'missing-resource-limits');
  assert.deepEqual(g.map(r), [[13, 6, 13, 15]]);
  assert.equal(roundTrip(reqs, g[0]), reqs.replace('          memory: 64Mi\n', '          memory: 64Mi\n        limits:\n          cpu: "2"\n          memory: "512Mi"\n'));
  const partial = del(GOOD, '          cpu: 500m');
  const h = only(sec(partial), 'missing-resource-limits');
  assert.deepEqual(h.map(r), [[14, 8, 14, 14]]);
  assert.equal(h[0].message.id, 'rule.missing-resource-limits.messageCpu');
  assert.equal(roundTrip(partial, h[0]), partial.replace('          memory: 128Mi\n', '          memory: 128Mi\n          cpu: "500m"\n'));
});
