#!/usr/bin/env node
// Benchmark of the schema validator against the YAML parse it follows.
//
//   node scripts/build-schema.mjs && node scripts/bench-schema.mjs [--docs 300] [--runs 20]
//
// Generates a multi-document manifest (Deployments, Services, ConfigMaps, StatefulSets; ~33 lines
// each, so 300 documents are ~10,000 lines), then measures (median of --runs runs):
//   parse     yaml.parseAllDocuments(text)
//   toJS      doc.toJS() for every document (the values validate() receives)
//   validate  store.validate() for every document, warm (package files loaded, nodes compiled)
//   cold      the first validate pass of a fresh store (reads index + package files)
import { buildSync } from 'esbuild';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const DOCS = arg('--docs', 300);
const RUNS = arg('--runs', 20);

const outfile = path.join(ROOT, 'out', 'bench', 'schema.cjs');
buildSync({
  entryPoints: [path.join(ROOT, 'server/src/core/schema/index.ts')],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile,
  logLevel: 'warning',
});
const { createSchemaStore } = createRequire(import.meta.url)(outfile);
const SCHEMA_DIR = path.join(ROOT, 'dist', 'schema');

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  namespace: shop
  labels:
    app.kubernetes.io/name: web-${i}
    app.kubernetes.io/part-of: shop
spec:
  replicas: ${1 + (i % 4)}
  selector:
    matchLabels:
      app.kubernetes.io/name: web-${i}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: web-${i}
    spec:
      containers:
        - name: web
          image: registry.example.com/web:${i}.0.1
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: ${8000 + i}
              protocol: TCP
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: "1", memory: 256Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: ${8000 + i}}
          env:
            - {name: MODE, value: production}
            - name: POD_NAME
              valueFrom:
                fieldRef: {fieldPath: metadata.name}
            - {name: REPLICA, value: "${i}"}
`;
}

function service(i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: web-${i}
  namespace: shop
  labels:
    app.kubernetes.io/name: web-${i}
    app.kubernetes.io/part-of: shop
  annotations:
    example.com/scrape: "true"
    example.com/port: "9090"
spec:
  type: ClusterIP
  internalTrafficPolicy: Cluster
  ipFamilyPolicy: SingleStack
  selector:
    app.kubernetes.io/name: web-${i}
  ports:
    - name: http
      port: 80
      targetPort: ${8000 + i}
      protocol: TCP
    - name: metrics
      port: 9090
      targetPort: metrics
  sessionAffinity: None
`;
}

function configMap(i) {
  const lines = [];
  for (let k = 0; k < 26; k++) lines.push(`  key_${k}: "value ${i}-${k}"`);
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${i}
  namespace: shop
  annotations:
    example.com/owner: team-${i % 7}
data:
${lines.join('\n')}
immutable: false
`;
}

function statefulSet(i) {
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db-${i}
spec:
  serviceName: db-${i}
  replicas: 3
  podManagementPolicy: Parallel
  selector:
    matchLabels: {app: db-${i}}
  template:
    metadata:
      labels: {app: db-${i}}
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: db
          image: postgres:16
          args: ["-c", "max_connections=200"]
          env:
            - {name: PGDATA, value: /var/lib/postgresql/data/pgdata}
          ports:
            - {containerPort: 5432, name: pg}
          volumeMounts:
            - {name: data, mountPath: /var/lib/postgresql/data}
          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            seccompProfile: {type: RuntimeDefault}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests: {storage: 10Gi}
`;
}

export function generateManifest(docs) {
  const makers = [deployment, service, configMap, statefulSet];
  const parts = [];
  for (let i = 0; i < docs; i++) parts.push(makers[i % makers.length](i));
  return parts.join('---\n');
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const t0 = performance.now();
  const r = fn();
  return [performance.now() - t0, r];
};

const text = generateManifest(DOCS);
const lineCount = text.split('\n').length;

// Cold: a fresh store, first validation pass.
const coldStore = createSchemaStore(SCHEMA_DIR);
const coldValues = parseAllDocuments(text).map((d) => d.toJS());
const [cold, coldIssues] = time(() => coldValues.map((v) => coldStore.validate('1.35', v.apiVersion, v.kind, v)));

const parse = [];
const toJS = [];
const validate = [];
const store = createSchemaStore(SCHEMA_DIR);
let issues = 0;
for (let r = 0; r < RUNS + 3; r++) {
  const [tp, docs] = time(() => parseAllDocuments(text));
  const [tj, values] = time(() => docs.map((d) => d.toJS()));
  const [tv, result] = time(() => values.map((v) => store.validate('1.35', v.apiVersion, v.kind, v)));
  issues = result.reduce((n, list) => n + list.length, 0);
  if (r >= 3) {
    parse.push(tp);
    toJS.push(tj);
    validate.push(tv);
  }
}
const p = median(parse);
const j = median(toJS);
const v = median(validate);
console.log(`${DOCS} documents, ${lineCount} lines, ${text.length} bytes; ${RUNS} runs (median)`);
console.log(`parseAllDocuments  ${p.toFixed(1)} ms`);
console.log(`toJS               ${j.toFixed(1)} ms`);
console.log(`validate (warm)    ${v.toFixed(2)} ms  (${(v / p).toFixed(3)}x parse)`);
console.log(`validate (cold)    ${cold.toFixed(1)} ms  (first pass of a fresh store: reads + compiles the schema)`);
console.log(`toJS + validate    ${(j + v).toFixed(1)} ms  (${((j + v) / p).toFixed(2)}x parse)`);
console.log(`issues: warm ${issues}, cold ${coldIssues.reduce((n, list) => n + list.length, 0)} (expected 0 on this valid manifest)`);
