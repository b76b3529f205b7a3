import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/**
 * The import graph of server/src and client/src (every import, type-only ones included, re-exports,
 * `import()` and `require`), read with the TypeScript compiler API: no cycles, and no import from a
 * lower layer to a higher one. ARCHITECTURE.md ("Layers") describes the same table.
 */
const ROOT = process.env.DOCKYARD_ROOT ?? join(__dirname, '..', '..', '..');

/**
 * The layers, lowest first. A file may import files of its own layer and of lower layers. Every
 * file must be in exactly one (the first whose prefix matches; put specific files before folders).
 */
const LAYERS: { rank: number; name: string; paths: string[] }[] = [
  // Plain data and text: what everything else speaks in.
  { rank: 0, name: 'foundation', paths: ['server/src/core/types.ts', 'server/src/core/text.ts', 'server/src/core/util/', 'server/src/core/messages/'] },
  // The parsers' owned models (YAML documents, Dockerfile, shell, Helm masking, detection), the
  // configuration shape, the index entry types and suppression comments.
  { rank: 1, name: 'model', paths: ['server/src/core/model/', 'server/src/core/config/', 'server/src/core/workspace.ts', 'server/src/core/suppress.ts'] },
  // Domain knowledge over the models: the Kubernetes schema, loci, Kubernetes helpers.
  { rank: 2, name: 'domain', paths: ['server/src/core/schema/', 'server/src/core/loci/', 'server/src/core/kubernetes/', 'server/src/core/providers.ts'] },
  // What the product does with it: rules, fixes, editor features, scaffolding.
  { rank: 3, name: 'product', paths: ['server/src/core/rules/', 'server/src/core/fixes/', 'server/src/core/features/', 'server/src/core/scaffold/'] },
  // Assembling the product: the analyzer (the coming DockyardService).
  { rank: 4, name: 'engine', paths: ['server/src/core/engine.ts', 'server/src/core/service.ts', 'server/src/core/service/'] },
  // File system access for the front ends.
  { rank: 5, name: 'host', paths: ['server/src/host/'] },
  // Front ends: the language server, the CLI, the VS Code client.
  { rank: 6, name: 'front ends', paths: ['server/src/server.ts', 'server/src/main.ts', 'server/src/lint-worker.ts', 'server/src/lsp/', 'server/src/handlers/', 'server/src/cli.ts', 'server/src/cli/', 'server/src/cli-scaffold.ts', 'client/src/'] },
];

/** Packages the core (server/src/core) must not import: the editor, LSP, and file or process access. */
const CORE_FORBIDDEN = /^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol|vscode-languageserver-textdocument|node:fs|fs|node:child_process|child_process)(\/|$)/;

/**
 * The one documented exception to "the core does no file I/O" (not a layering exception: the layer
 * and cycle tests have none). The test fails when it is gone (delete the row then).
 */
const KNOWN_EXCEPTIONS: { from: string; to: string; why: string }[] = [
  {
    from: 'server/src/core/schema/loader.ts',
    to: 'node:fs',
    why: 'the schema loader reads dist/schema/ (the documented injected loader; ARCHITECTURE.md "Rules of the house")',
  },
];

function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.ts') && !e.endsWith('.d.ts')) out.push(relative(ROOT, p).split('\\').join('/'));
    }
  };
  for (const d of ['server/src', 'client/src']) if (existsSync(join(ROOT, d))) walk(join(ROOT, d));
  return out;
}

interface Graph {
  files: string[];
  /** file → project files it imports */
  edges: Map<string, string[]>;
  /** file → package (or node:) specifiers it imports */
  packages: Map<string, string[]>;
}

function importGraph(): Graph {
  const files = sourceFiles();
  const edges = new Map<string, string[]>();
  const packages = new Map<string, string[]>();
  for (const f of files) {
    // preProcessFile lists every module specifier: import (type-only too), export … from, import(), require().
    const info = ts.preProcessFile(readFileSync(join(ROOT, f), 'utf8'), true, true);
    const local: string[] = [];
    const external: string[] = [];
    for (const { fileName: spec } of info.importedFiles) {
      if (!spec.startsWith('.')) {
        external.push(spec);
        continue;
      }
      const base = join(dirname(f), spec).split('\\').join('/');
      const target = [`${base}.ts`, `${base}/index.ts`, base].find((c) => existsSync(join(ROOT, c)) && statSync(join(ROOT, c)).isFile());
      assert.ok(target, `${f}: cannot resolve ${spec}`);
      if (target.endsWith('.ts')) local.push(target);
    }
    edges.set(f, [...new Set(local)]);
    packages.set(f, [...new Set(external)]);
  }
  return { files, edges, packages };
}

function layerOf(file: string): { rank: number; name: string } | undefined {
  for (const l of LAYERS) if (l.paths.some((p) => (p.endsWith('/') ? file.startsWith(p) : file === p))) return l;
  return undefined;
}

/** A cycle as a path a → b → … → a, or undefined (depth-first search, iterative). */
function findCycle(g: Graph): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the stack, 2: done
  for (const start of g.files) {
    if (state.has(start)) continue;
    const stack: { file: string; next: number }[] = [{ file: start, next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const deps = g.edges.get(top.file) ?? [];
      if (top.next >= deps.length) {
        state.set(top.file, 2);
        stack.pop();
        continue;
      }
      const dep = deps[top.next++];
      const s = state.get(dep);
      if (s === 1) {
        const from = stack.findIndex((x) => x.file === dep);
        return [...stack.slice(from).map((x) => x.file), dep];
      }
      if (s === undefined) {
        state.set(dep, 1);
        stack.push({ file: dep, next: 0 });
      }
    }
  }
  return undefined;
}

const graph = importGraph();
const isException = (from: string, to: string) => KNOWN_EXCEPTIONS.some((e) => e.from === from && e.to === to);

test('the import graph covers the sources', () => {
  assert.ok(graph.files.length > 100, `${graph.files.length} files`);
  assert.ok(graph.files.includes('server/src/core/engine.ts') || graph.files.includes('server/src/core/service.ts'));
  const edges = [...graph.edges.values()].reduce((n, d) => n + d.length, 0);
  assert.ok(edges > 300, `${edges} imports`);
});

test('every source file is in one layer of the table', () => {
  const missing = graph.files.filter((f) => !layerOf(f));
  assert.deepEqual(missing, [], 'add these files (or their folder) to LAYERS in test/core/imports.test.ts and to ARCHITECTURE.md');
});

test('no import cycles (type-only imports included)', () => {
  const cycle = findCycle(graph);
  assert.equal(cycle, undefined, `import cycle: ${cycle?.join(' → ')}`);
});

test('no import from a lower layer to a higher one', () => {
  const violations: string[] = [];
  for (const [from, deps] of graph.edges) {
    const a = layerOf(from);
    for (const to of deps) {
      const b = layerOf(to);
      if (a && b && b.rank > a.rank) violations.push(`${from} (${a.name}) imports ${to} (${b.name})`);
    }
  }
  assert.deepEqual(violations, []);
});

test('the core imports neither the editor, the LSP libraries nor file or process access', () => {
  const violations: string[] = [];
  for (const [from, specs] of graph.packages) {
    if (!from.startsWith('server/src/core/')) continue;
    for (const s of specs) if (CORE_FORBIDDEN.test(s) && !isException(from, s)) violations.push(`${from}: ${s}`);
  }
  assert.deepEqual(violations, []);
});

test('every known exception still exists (remove the rows that were fixed)', () => {
  for (const e of KNOWN_EXCEPTIONS) {
    const present = (graph.edges.get(e.from) ?? []).includes(e.to) || (graph.packages.get(e.from) ?? []).includes(e.to);
    assert.ok(present, `${e.from} → ${e.to} is gone: delete its row from KNOWN_EXCEPTIONS (${e.why})`);
  }
});

test('the cycle finder and the layer check can fail (a synthetic graph)', () => {
  const g: Graph = {
    files: ['a', 'b', 'c'],
    edges: new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]),
    packages: new Map(),
  };
  assert.deepEqual(findCycle(g), ['a', 'b', 'c', 'a']);
  g.edges.set('c', []);
  assert.equal(findCycle(g), undefined);
  assert.equal(layerOf('server/src/core/model/yaml.ts')?.name, 'model');
  assert.equal(layerOf('server/src/core/engine.ts')?.name, 'engine');
  assert.equal(layerOf('server/src/core/rules/dockerfile/util.ts')?.name, 'product');
});
