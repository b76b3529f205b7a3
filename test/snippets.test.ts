import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer } from '../server/src/core/engine';
import { mergeConfig } from '../server/src/core/config/config';
import { t } from '../server/src/core/messages/catalog';
import { expandSnippet, snippetChoices, snippetTabStops, SnippetSyntaxError } from './snippet-expand';
import { fullRegistry, repoRoot } from './scaffold-helpers';

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description: string;
}

function load(name: string): Record<string, Snippet> {
  return JSON.parse(readFileSync(join(repoRoot(), 'snippets', name), 'utf8'));
}

const DOCKERFILE = load('dockerfile.json');
const KUBERNETES = load('kubernetes.json');

function indent(text: string, n: number): string {
  const p = ' '.repeat(n);
  return text
    .split('\n')
    .map((l) => (l ? p + l : l))
    .join('\n');
}

/**
 * How each snippet is linted: full documents as they are; fragments inside the smallest valid file
 * that holds them. Every snippet must be listed here, so a new one cannot skip the lint test.
 */
const WRAP: Record<string, { path: string; wrap?: (s: string) => string }> = {
  'loci child Dockerfile': { path: 'Dockerfile' },
  'loci build arguments': { path: 'Dockerfile.loci', wrap: (s) => `${s}\nFROM \${FROM}\nUSER 42424\n` },
  'cinder-api Deployment': { path: 'cinder-api.yaml' },
  'glance-api Deployment': { path: 'glance-api.yaml' },
  Service: { path: 'service.yaml' },
  ConfigMap: { path: 'configmap.yaml' },
  PersistentVolumeClaim: { path: 'pvc.yaml' },
  'Secret-backed env var': {
    path: 'env-pod.yaml',
    wrap: (s) =>
      `apiVersion: v1
kind: Pod
metadata:
  name: env-test
  namespace: openstack
spec:
  automountServiceAccountToken: false
  securityContext:
    runAsNonRoot: true
    runAsUser: 42424
    seccompProfile:
      type: RuntimeDefault
  containers:
    - name: app
      image: quay.io/airshipit/cinder:2025.2-ubuntu_noble_loci
      resources:
        requests: {cpu: 100m, memory: 128Mi}
        limits: {cpu: 500m, memory: 512Mi}
      securityContext:
        allowPrivilegeEscalation: false
        readOnlyRootFilesystem: true
        capabilities:
          drop: [ALL]
      env:
${indent(s, 8)}
`,
  },
  'restricted securityContext': {
    path: 'securitycontext-pod.yaml',
    wrap: (s) =>
      `apiVersion: v1
kind: Pod
metadata:
  name: sc-test
  namespace: openstack
spec:
  automountServiceAccountToken: false
  containers:
    - name: app
      image: quay.io/airshipit/glance:2025.2-ubuntu_noble_loci
      resources:
        requests: {cpu: 100m, memory: 128Mi}
        limits: {cpu: 500m, memory: 512Mi}
${indent(s, 6)}
`,
  },
  'loci compose build': { path: 'docker-compose.build.yaml', wrap: (s) => `services:\n${indent(s, 2)}\n` },
};

const ALL: [string, Snippet, 'dockerfile' | 'kubernetes'][] = [
  ...Object.entries(DOCKERFILE).map(([k, v]) => [k, v, 'dockerfile'] as [string, Snippet, 'dockerfile']),
  ...Object.entries(KUBERNETES).map(([k, v]) => [k, v, 'kubernetes'] as [string, Snippet, 'kubernetes']),
];

test('snippets: the set the brief asks for, each with a prefix, a description, tab stops and a choice', () => {
  assert.deepEqual(Object.keys(WRAP).sort(), ALL.map(([k]) => k).sort());
  const prefixes = new Set<string>();
  for (const [name, s] of ALL) {
    for (const p of Array.isArray(s.prefix) ? s.prefix : [s.prefix]) {
      assert.ok(!prefixes.has(p), `duplicate prefix ${p}`);
      prefixes.add(p);
    }
    assert.ok(s.description.length > 20, name);
    const stops = snippetTabStops(s.body);
    assert.ok(stops.includes(0) && stops.length >= 3, `${name}: tab stops ${stops}`);
    assert.ok(snippetChoices(s.body).size >= 1, `${name}: no choice`);
  }
});

/** Lint every snippet (wrapped when a fragment) in one workspace, as a user who inserts them all. */
function lintAll(choose?: (name: string, index: number, options: string[]) => number): string[] {
  const { registry } = fullRegistry();
  const analyzer = new Analyzer(registry, (rule, path, e) => {
    throw new Error(`rule ${rule} threw on ${path}: ${String(e)}`);
  });
  const cfg = mergeConfig();
  const inputs = ALL.map(([name, s]) => {
    const expanded = expandSnippet(s.body, { choose: choose && ((i, o) => choose(name, i, o)) });
    const w = WRAP[name];
    return { name, path: `/ws/snippets/${w.path}`, text: w.wrap ? w.wrap(expanded) : expanded };
  });
  for (const i of inputs) analyzer.analyze(i, cfg);
  const loud: string[] = [];
  for (const i of inputs) {
    const a = analyzer.analyze(i, cfg);
    assert.notEqual(a.kind, 'unknown', i.path);
    for (const f of a.findings) {
      if (f.severity === 'error' || f.severity === 'warning') loud.push(`${i.name} (${i.path}:${f.range.start.line + 1}) ${f.rule}: ${t(f.message.id, f.message.args)}`);
    }
  }
  return loud;
}

test('snippets: every snippet, expanded with its defaults, lints with no warning or error', () => {
  assert.deepEqual(lintAll(), []);
});

test('snippets: every option of every choice lints clean too (one choice varied at a time)', () => {
  for (const [name, s] of ALL) {
    for (const [index, options] of snippetChoices(s.body)) {
      for (let k = 1; k < options.length; k++) {
        const loud = lintAll((n, i) => (n === name && i === index ? k : 0));
        assert.deepEqual(loud, [], `${name} choice ${index} = ${options[k]}`);
      }
    }
  }
});

test('snippets: the Dockerfile and YAML snippets are recognised as such', () => {
  const { registry } = fullRegistry();
  const a = new Analyzer(registry);
  const child = expandSnippet(DOCKERFILE['loci child Dockerfile'].body);
  assert.equal(a.analyze({ path: '/ws/Dockerfile', text: child }, mergeConfig()).kind, 'dockerfile');
  assert.match(child, /^FROM quay\.io\/airshipit\/cinder:2025\.2-ubuntu_noble_loci$/m);
  assert.match(child, /^RUN apt-get update \\\n && apt-get install -y --no-install-recommends \\\n {6}nfs-common \\\n && rm -rf \/var\/lib\/apt\/lists\/\*$/m);
  assert.match(child, /^USER 42424$/m);
  const dep = expandSnippet(KUBERNETES['cinder-api Deployment'].body);
  assert.equal(a.analyze({ path: '/ws/d.yaml', text: dep }, mergeConfig()).kind, 'kubernetes');
});

// ---------------------------------------------------------------------------------------------
// The expander itself

test('expander: defaults, first choice, mirrors, nested placeholders, $0', () => {
  assert.equal(expandSnippet('a ${1:x} b $1 c ${2|p,q|} d $2$0'), 'a x b x c p d p');
  assert.equal(expandSnippet('${1:outer ${2:inner} end} / $2'), 'outer inner end / inner');
  assert.equal(expandSnippet(['line1 ${1:v}', 'line2 ${1}']), 'line1 v\nline2 v');
  // a mirror before its placeholder takes the placeholder's value
  assert.equal(expandSnippet('$1-${1:z}'), 'z-z');
  // bare tab stops without any placeholder insert nothing
  assert.equal(expandSnippet('x$3y'), 'xy');
  assert.equal(expandSnippet('${1|a,b,c|}', { choose: () => 2 }), 'c');
  assert.equal(expandSnippet('${2:http://h.${1:ns}.svc}/$1'), 'http://h.ns.svc/ns');
});

test('expander: escapes as VS Code reads them', () => {
  assert.equal(expandSnippet('cost \\$5 \\} \\\\ end'), 'cost $5 } \\ end');
  assert.equal(expandSnippet('${1:a\\}b}'), 'a}b');
  assert.equal(expandSnippet('${1|x\\,y,z|}'), 'x,y');
  assert.equal(expandSnippet('keep \\n and $ alone'), 'keep \\n and $ alone');
});

test('expander: variables are rejected, broken syntax is reported', () => {
  assert.throws(() => expandSnippet('$TM_FILENAME'), SnippetSyntaxError);
  assert.throws(() => expandSnippet('${CLIPBOARD:x}'), SnippetSyntaxError);
  assert.throws(() => expandSnippet('${1:unclosed'), SnippetSyntaxError);
  assert.throws(() => expandSnippet('${1|a,b'), SnippetSyntaxError);
});
