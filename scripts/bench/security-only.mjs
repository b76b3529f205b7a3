// Security-rule cost on a large file: 300 Deployments (~10,000 lines) through Analyzer.analyze.
// Bundles the analysis core with esbuild on the fly (no build step needed) and prints, as the minimum
// CPU time of fresh analyzers (nothing cached between runs):
//   parse only (no rules) · Kubernetes-area rules only (schema validation, when present) ·
//   security rules only · the security rules' own cost and its ratio to the schema rules' cost.
// Usage: node scripts/bench/security-only.mjs [documents=300] [runs=15]
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const root = new URL('../..', import.meta.url).pathname;
const docs = Number(process.argv[2] ?? 300);
const runs = Number(process.argv[3] ?? 15);
const out = join(mkdtempSync(join(tmpdir(), 'dockyard-bench-')), 'core.cjs');
await build({
  stdin: {
    contents: `
      export { Analyzer } from './server/src/core/engine';
      export { RuleRegistry } from './server/src/core/rules/registry';
      export { SECURITY_RULES } from './server/src/core/rules/security';
      export { KUBERNETES_RULES } from './server/src/core/rules/kubernetes';
      export { ENGINE_IDS } from './server/src/core/rules';
      export { mergeConfig } from './server/src/core/config/config';
    `,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: out,
  logLevel: 'warning',
});
const core = createRequire(import.meta.url)(out);

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: svc-${i}
  namespace: openstack
  labels: {application: svc-${i}, component: api}
spec:
  replicas: 2
  selector:
    matchLabels: {application: svc-${i}, component: api}
  template:
    metadata:
      labels: {application: svc-${i}, component: api}
    spec:
      serviceAccountName: svc-${i}
      initContainers:
        - name: init
          image: quay.io/airshipit/kubernetes-entrypoint:v1.0.0
          command: [kubernetes-entrypoint]
      containers:
        - name: api
          image: docker.io/openstackhelm/svc:2024.1-ubuntu_jammy
          ports:
            - {name: api, containerPort: ${8000 + (i % 1000)}}
          env:
            - {name: OS_AUTH_URL, value: "http://keystone:5000/v3"}
            - {name: OS_PASSWORD, value: "${i % 7 === 0 ? 'secret' : ''}"}
          securityContext:
            privileged: ${i % 10 === 0}
            allowPrivilegeEscalation: false
          volumeMounts:
            - {name: etc, mountPath: /etc/svc, readOnly: true}
            - {name: dev, mountPath: /dev}
      volumes:
        - {name: etc, configMap: {name: svc-${i}-etc}}
        - {name: dev, hostPath: {path: /dev}}
`;
}
const text = Array.from({ length: docs }, (_, i) => deployment(i)).join('---\n');
const lineCount = text.split('\n').length;

const config = core.mergeConfig({ pss: 'restricted' });
function once(rules) {
  const a = new core.Analyzer(new core.RuleRegistry(rules, core.ENGINE_IDS));
  // CPU time, not wall time: the build machines are shared, and a busy neighbour must not count.
  const t0 = process.cpuUsage();
  const findings = a.analyze({ path: '/bench/big.yaml', text }, config).findings.length;
  const d = process.cpuUsage(t0);
  return { ms: (d.user + d.system) / 1000, findings };
}

/** Runs `rules` and parse-only back to back, `runs` times: the minimum of each and the median difference. */
function measure(rules) {
  const base = [];
  const withRules = [];
  const diff = [];
  let findings = 0;
  for (let r = 0; r < runs + 2; r++) {
    const p = once([]);
    const w = once(rules);
    findings = w.findings;
    if (r < 2) continue; // warm-up
    base.push(p.ms);
    withRules.push(w.ms);
    diff.push(w.ms - p.ms);
  }
  const sort = (x) => [...x].sort((a, b) => a - b);
  return { parse: sort(base)[0], ms: sort(withRules)[0], own: sort(diff)[Math.floor(diff.length / 2)], findings };
}

const kube = core.KUBERNETES_RULES.length ? measure(core.KUBERNETES_RULES) : undefined;
const sec = measure(core.SECURITY_RULES);
console.log(`${docs} Deployments, ${lineCount} lines, ${runs} runs of fresh analyzers, CPU time`);
console.log(`parse only (no rules):          ${sec.parse.toFixed(1)} ms (fastest run)`);
if (kube) console.log(`kubernetes rules (${core.KUBERNETES_RULES.length}):          ${kube.ms.toFixed(1)} ms (fastest run); the rules' own cost ${kube.own.toFixed(1)} ms (median)`);
else console.log('kubernetes rules:               none on this branch (schema validation not merged yet)');
console.log(`security rules (${core.SECURITY_RULES.length}):            ${sec.ms.toFixed(1)} ms (fastest run), ${sec.findings} findings`);
console.log(`security rules' own cost:       ${sec.own.toFixed(1)} ms (median of paired runs) = ${((sec.own / sec.parse) * 100).toFixed(0)}% of parsing`);
if (kube) console.log(`security cost / schema analyze: ${((sec.own / kube.ms) * 100).toFixed(0)}% (budget: 30%)`);
