// `dockyard lint` on worker threads (issue #11 item 6): the same bytes as a single-threaded run,
// with cross-file findings that need files of another worker's slice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ChunkQueue, CHUNK, CHART_SPAN, chartGroup } from '../../server/src/cli/parallel';

const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');
const cli = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8' });

test('ChunkQueue: files keep their single-threaded index, chunks of at most CHUNK, nothing lost or repeated', () => {
  const q = new ChunkQueue();
  const many = Array.from({ length: 2 * CHUNK + 5 }, (_, i) => `f${i}`);
  for (const f of many) q.add(f);
  assert.equal(q.size, many.length);
  const got: [number, string][] = [];
  for (let c = q.next(); c; c = q.next()) {
    assert.ok(c.length <= CHUNK && c.length > 0);
    got.push(...c);
  }
  assert.deepEqual(got, many.map((f, i) => [i, f]));
  assert.equal(q.pending, 0);
  assert.deepEqual(q.paths(), many);
});

test('ChunkQueue: a chunk does not end inside a chart\'s templates (up to CHART_SPAN chunks), and waits for the walk when the chart may go on', () => {
  assert.equal(chartGroup('/r/nova/templates/deployment.yaml'), '/r/nova');
  assert.equal(chartGroup('/r/nova/templates/bin/_start.sh.tpl'), '/r/nova');
  assert.equal(chartGroup('C:\\r\\nova\\templates\\job.yaml'), 'C:\\r\\nova');
  assert.equal(chartGroup('/r/nova/values.yaml'), '/r/nova');
  assert.equal(chartGroup('C:\\r\\nova\\values.yaml'), 'C:\\r\\nova');
  assert.equal(chartGroup('/r/nova/other-values.yaml'), undefined);
  assert.equal(chartGroup('/r/nova/values_overrides/x.yaml'), undefined);
  const q = new ChunkQueue();
  const files = [
    ...Array.from({ length: CHUNK - 2 }, (_, i) => `/r/a/f${i}.yaml`),
    ...Array.from({ length: 10 }, (_, i) => `/r/chart/templates/t${i}.yaml`),
    '/r/chart/values.yaml',
  ];
  for (const f of files.slice(0, CHUNK + 3)) q.add(f);
  // The walk is still going and the chart's templates may continue: no chunk yet.
  assert.equal(q.next(), undefined);
  for (const f of files.slice(CHUNK + 3)) q.add(f);
  // The chart's values.yaml goes with its templates (the worker that read it for them lints it).
  assert.equal(q.next(), undefined);
  q.add('/r/z/other.yaml');
  const first = q.next()!;
  assert.deepEqual(first.map(([, f]) => f), files);
  q.ended = true;
  assert.deepEqual(q.next()!.map(([, f]) => f), ['/r/z/other.yaml']);
  assert.equal(q.next(), undefined);
  // A chart larger than CHART_SPAN chunks is cut at that size.
  const big = new ChunkQueue();
  for (let i = 0; i < CHUNK * CHART_SPAN + 7; i++) big.add(`/r/huge/templates/t${String(i).padStart(4, '0')}.yaml`);
  assert.equal(big.next()!.length, CHUNK * CHART_SPAN);
  big.ended = true;
  assert.equal(big.next()!.length, 7);
});

test('lint --jobs 2 prints exactly what --jobs 1 prints (text, JSON, SARIF), cross-file findings included', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-parallel-'));
  try {
    // A pod in the first file refers to a ConfigMap defined in the last one (another worker's
    // slice); two files define the same Service (duplicate-resource across slices).
    fs.writeFileSync(path.join(dir, 'a-pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: r.example/c:1\n      envFrom:\n        - configMapRef: {name: late-cm}\n        - configMapRef: {name: nowhere}\n');
    for (let i = 0; i < 20; i++) fs.writeFileSync(path.join(dir, `m${String(i).padStart(2, '0')}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm${i}\ndata:\n  k: v\n`);
    fs.writeFileSync(path.join(dir, 'm05-dup.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  ports: [{port: 80}]\n');
    fs.writeFileSync(path.join(dir, 'z-cm.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late-cm\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc\nspec:\n  ports: [{port: 80}]\n');
    fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM ubuntu\nRUN sudo apt-get install -y curl\n');
    for (const format of ['text', 'json', 'sarif']) {
      const one = cli(dir, 'lint', '--format', format, '--jobs', '1', '.');
      const two = cli(dir, 'lint', '--format', format, '--jobs', '2', '.');
      assert.equal(two.stderr, one.stderr, format);
      assert.equal(two.status, one.status, format);
      assert.equal(two.stdout, one.stdout, format);
    }
    const json = JSON.parse(cli(dir, 'lint', '--format', 'json', '--jobs', '2', '.').stdout);
    const rules = (name: string) => json.files.find((f: { path: string }) => f.path === name).diagnostics.map((d: { rule: string; message: string }) => `${d.rule}: ${d.message}`);
    assert.deepEqual(rules('a-pod.yaml').filter((r: string) => r.startsWith('missing-reference')), ['missing-reference: ConfigMap "nowhere" (envFrom) is not defined in the workspace.']);
    assert.equal(rules('m05-dup.yaml').filter((r: string) => r.startsWith('duplicate-resource')).length, 1);
    assert.ok(json.files.find((f: { path: string }) => f.path === 'Dockerfile').diagnostics.some((d: { rule: string; fixable: boolean }) => d.rule === 'sudo-in-run' && d.fixable));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
