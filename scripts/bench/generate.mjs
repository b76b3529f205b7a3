// Deterministic input generators shared by `npm run bench` (scripts/bench/run.mjs), the robustness
// tests (test/robustness/*, test/lsp/soak.test.ts) and anyone who needs realistic big inputs.
// Pure functions of (size, seed): the same arguments always give the same bytes.
//
//   kubernetesManifest({ docs: 300 })   ~10,000 lines: Deployments, Services, ConfigMaps, StatefulSets
//   dockerfile({ instructions: 2000 })  multi-stage Dockerfile with continuation lines
//   manifestFiles(1000)                 [{ path, text }] — a tree of small manifests (the CLI bench)
//   randomEdit(rng, text)               one editor-like change (insert / delete / replace)
//   mulberry32(seed)                    the seeded PRNG everything here uses
//
// The generated files carry a few deliberate problems (an unknown field, a wrong type, a bad enum
// value, a privileged container, a hostPath …) at fixed intervals, so every tool under test has
// real diagnostics to produce, not only a clean pass.

/** Small, fast, seedable PRNG (returns floats in [0, 1)). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rng, xs) => xs[Math.floor(rng() * xs.length)];
const int = (rng, lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));

const IMAGES = ['registry.example.com/shop/web', 'registry.example.com/shop/api', 'quay.io/example/worker', 'docker.io/library/nginx'];
const TEAMS = ['payments', 'search', 'catalog', 'checkout', 'identity', 'storage', 'edge'];

function deployment(i, rng, flaw) {
  const name = `web-${i}`;
  const port = 8000 + (i % 1000);
  const image = `${pick(rng, IMAGES)}:${1 + (i % 9)}.${i % 13}.${i % 7}`;
  const replicas = flaw === 'type' ? '"three"' : String(1 + (i % 4));
  const sc =
    flaw === 'privileged'
      ? `          securityContext:
            privileged: true
`
      : `          securityContext:
            runAsNonRoot: true
            allowPrivilegeEscalation: false
            readOnlyRootFilesystem: true
            capabilities: {drop: [ALL]}
            seccompProfile: {type: RuntimeDefault}
`;
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
    team: ${pick(rng, TEAMS)}
spec:
  replicas: ${replicas}
  ${flaw === 'unknown' ? 'revisionHistoryLimt' : 'revisionHistoryLimit'}: 5
  selector:
    matchLabels:
      app.kubernetes.io/name: ${name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: ${name}
    spec:
      containers:
        - name: web
          image: ${image}
          imagePullPolicy: ${flaw === 'enum' ? 'Sometimes' : 'IfNotPresent'}
          ports:
            - containerPort: ${port}
              protocol: TCP
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {cpu: "1", memory: 256Mi}
          readinessProbe:
            httpGet: {path: /healthz, port: ${port}}
${sc}          env:
            - {name: MODE, value: production}
            - name: POD_NAME
              valueFrom:
                fieldRef: {fieldPath: metadata.name}
`;
}

function service(i, rng, flaw) {
  const name = `web-${i}`;
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/part-of: shop
  annotations:
    example.com/scrape: "true"
    example.com/port: "9090"
spec:
  type: ${flaw === 'enum' ? 'Internal' : 'ClusterIP'}
  internalTrafficPolicy: Cluster
  ipFamilyPolicy: SingleStack
  selector:
    app.kubernetes.io/name: ${name}
  ports:
    - name: http
      port: ${flaw === 'type' ? 'eighty' : 80}
      targetPort: ${8000 + (i % 1000)}
      protocol: TCP
    - name: metrics
      port: 9090
      targetPort: metrics
  ${flaw === 'unknown' ? 'sessionAfinity' : 'sessionAffinity'}: None
`;
}

function configMap(i, rng, flaw) {
  const lines = [];
  const n = 20 + int(rng, 0, 8);
  for (let k = 0; k < n; k++) lines.push(`  key_${k}: "value ${i}-${k} ${pick(rng, TEAMS)}"`);
  return `apiVersion: v1
kind: ConfigMap
metadata:
  name: config-${i}
  namespace: shop
  annotations:
    example.com/owner: team-${pick(rng, TEAMS)}
data:
${lines.join('\n')}
${flaw === 'type' ? 'immutable: "no"' : flaw === 'unknown' ? 'immutible: false' : 'immutable: false'}
`;
}

function statefulSet(i, rng, flaw) {
  const hostPath =
    flaw === 'privileged'
      ? `      volumes:
        - name: host
          hostPath: {path: /var/run/docker.sock}
`
      : '';
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db-${i}
  namespace: shop
spec:
  serviceName: db-${i}
  replicas: ${flaw === 'type' ? 'many' : 3}
  podManagementPolicy: ${flaw === 'enum' ? 'AllAtOnce' : 'Parallel'}
  selector:
    matchLabels: {app: db-${i}}
  template:
    metadata:
      labels: {app: db-${i}}
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: db
          image: postgres:${14 + (i % 4)}
          args: ["-c", "max_connections=${100 + (i % 200)}"]
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
${hostPath}  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests: {storage: ${int(rng, 1, 50)}Gi}
`;
}

const MAKERS = [deployment, service, configMap, statefulSet];
export const KINDS_USED = [
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'apps/v1', kind: 'StatefulSet' },
];

/** The deliberate problem of document i (or undefined): spread so every kind gets each flaw. */
function flawOf(i) {
  if (i % 97 === 13) return 'unknown';
  if (i % 89 === 21) return 'type';
  if (i % 83 === 30) return 'enum';
  if (i % 61 === 4 || i % 61 === 7) return 'privileged';
  return undefined;
}

/** One document of the manifest (i selects the kind). */
export function kubernetesDocument(i, seed = 1) {
  const rng = mulberry32(seed * 100_003 + i);
  return MAKERS[i % MAKERS.length](i, rng, flawOf(i));
}

/** A multi-document manifest of `docs` documents (300 → ~10,000 lines). */
export function kubernetesManifest({ docs = 300, seed = 1 } = {}) {
  const parts = [];
  for (let i = 0; i < docs; i++) parts.push(kubernetesDocument(i, seed));
  return parts.join('---\n');
}

const PACKAGES = ['curl', 'ca-certificates', 'git', 'python3', 'python3-pip', 'libssl-dev', 'gcc', 'make', 'jq', 'unzip', 'tzdata', 'locales'];

/** A multi-stage Dockerfile with exactly `instructions` instructions (continuation lines included). */
export function dockerfile({ instructions = 2000, seed = 1 } = {}) {
  const rng = mulberry32(seed);
  const out = ['# syntax=docker/dockerfile:1', `ARG BASE=ubuntu:24.04`];
  let count = 1;
  let stage = 0;
  while (count < instructions) {
    const name = `stage${stage}`;
    out.push('', `FROM \${BASE} AS ${name}`);
    count++;
    const body = Math.min(instructions - count, 40 + int(rng, 0, 20));
    for (let k = 0; k < body; k++) {
      const r = rng();
      if (k === 0) out.push(`ARG VERSION_${stage}=1.${stage}.0`);
      else if (r < 0.22) {
        const pkgs = Array.from({ length: int(rng, 2, 5) }, () => pick(rng, PACKAGES));
        if (rng() < 0.5) out.push(`RUN apt-get update && apt-get install -y ${pkgs.join(' ')}`);
        else
          out.push(
            `RUN set -eux; \\`,
            `    apt-get update; \\`,
            `    apt-get install -y --no-install-recommends ${pkgs.join(' ')}; \\`,
            `    rm -rf /var/lib/apt/lists/*`,
          );
      } else if (r < 0.32) out.push(`RUN echo "step ${stage}.${k}" > /tmp/step-${k}.txt`);
      else if (r < 0.44) out.push(`COPY ${rng() < 0.3 ? '--chown=app:app ' : ''}src/module-${k}/ /opt/app/module-${k}/`);
      else if (r < 0.5) out.push(`ADD https://example.com/archive-${k}.tar.gz /tmp/`);
      else if (r < 0.6) out.push(`ENV APP_${k}=value-${stage}-${k} PATH=/opt/app/bin:$PATH`);
      else if (r < 0.68) out.push(`LABEL org.example.layer-${k}="${stage}-${k}"`);
      else if (r < 0.75) out.push(`WORKDIR /opt/app/${k}`);
      else if (r < 0.8) out.push(`EXPOSE ${8000 + k}${rng() < 0.3 ? '/udp' : ''}`);
      else if (r < 0.85) out.push(`USER ${rng() < 0.5 ? 'app' : 'root'}`);
      else if (r < 0.9) out.push(`RUN cd /opt/app && make -j\${NPROC:-2} module-${k}`);
      else if (r < 0.95) out.push(`ARG FLAG_${k}`);
      else out.push(`HEALTHCHECK --interval=30s CMD curl -f http://localhost:${8000 + k}/ || exit 1`);
      count++;
    }
    if (count < instructions) {
      out.push(`CMD ["/opt/app/bin/run-${stage}"]`);
      count++;
    }
    stage++;
  }
  return out.join('\n') + '\n';
}

/** `count` small manifest files in nested folders, for `dockyard lint` throughput. */
export function manifestFiles(count = 1000, seed = 1) {
  const files = [];
  for (let i = 0; i < count; i++) {
    const docs = 1 + (i % 3);
    const parts = [];
    for (let d = 0; d < docs; d++) parts.push(kubernetesDocument(i * 3 + d, seed));
    files.push({ path: `team-${i % 10}/app-${Math.floor(i / 10) % 10}/manifest-${i}.yaml`, text: parts.join('---\n') });
  }
  return files;
}

/** Line starts with LSP's line breaks: \n, \r\n and a lone \r. */
export function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts, offset) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

const INSERTS = ['a', 'x', ' ', ':', '-', '\n', '  ', '"', "'", '#', '{', '}', '[', ']', ',', '0', '1', 'true', 'null', '---\n', 'key: value\n', '\t', '&a ', '*a', '|', '>', '\\', '$', 'é', '😀'];

/**
 * One editor-like change of `text`: `{ start, end, insert, range, newText, text }`
 * (offsets, an LSP range in UTF-16 units, and the resulting text). Mostly typing and deleting a
 * few characters; sometimes a line replaced or a line deleted.
 */
export function randomEdit(rng, text) {
  const starts = lineStarts(text);
  let start = Math.floor(rng() * (text.length + 1));
  // Never split a surrogate pair (an editor would not either).
  // Nor a \r\n line break (its middle is no LSP position).
  const isLow = (o) =>
    o > 0 && o < text.length && (((text.charCodeAt(o) & 0xfc00) === 0xdc00) || (text.charCodeAt(o) === 10 && text.charCodeAt(o - 1) === 13));
  if (isLow(start)) start--;
  let end = start;
  let insert = '';
  const r = rng();
  if (r < 0.55) insert = pick(rng, INSERTS);
  else if (r < 0.85) end = Math.min(text.length, start + int(rng, 1, 4));
  else if (r < 0.95) {
    const line = positionAt(starts, start).line;
    start = starts[line];
    end = line + 1 < starts.length ? starts[line + 1] : text.length;
    insert = rng() < 0.5 ? '' : `      ${pick(rng, ['name', 'image', 'privileged', 'hostPID', 'ports', 'RUN', 'FROM'])}: ${pick(rng, ['true', 'x', '[]', '{}', '1'])}\n`;
  } else {
    end = Math.min(text.length, start + int(rng, 0, 3));
    insert = pick(rng, INSERTS) + pick(rng, INSERTS);
  }
  if (isLow(end)) end++;
  const range = { start: positionAt(starts, start), end: positionAt(starts, end) };
  return { start, end, insert, range, newText: insert, text: text.slice(0, start) + insert + text.slice(end) };
}
