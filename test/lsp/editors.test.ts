// What editors other than VS Code rely on (issue #16), over the protocol: settings pushed by a client
// without workspace/configuration (Neovim 0.7), the server's own commands for what its lenses carry,
// file watching for the cross-file index, the start-up log, the status counts and hovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MemoryClient, TestClient, ROOT, type Published } from './client';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: demo
spec:
  containers:
    - name: app
      image: nginx:1.27
      securityContext:
        privileged: true
`;
const DOCKERFILE = 'FROM ubuntu:24.04\nRUN apt-get update\nRUN make\n';

/** The capabilities Neovim 0.7.2's built-in client sends (runtime/lua/vim/lsp/protocol.lua): no workspace/configuration, no watched files, no showDocument. */
const NEOVIM_07 = {
  workspace: { applyEdit: true, configuration: false, didChangeConfiguration: {}, workspaceFolders: true, executeCommand: { dynamicRegistration: false } },
  window: { workDoneProgress: true, showDocument: { support: false } },
  textDocument: { publishDiagnostics: { relatedInformation: true } },
};

async function until<T>(what: string, fn: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Lets the publishes of start-up (open, then the revalidation after `initialized`) arrive before counting. */
const settle = () => new Promise((r) => setTimeout(r, 300));
const codes = (p: Published) => p.diagnostics.map((d) => d.code).sort();

test('Neovim 0.7: settings pushed with workspace/didChangeConfiguration (no workspace/configuration) take effect', async () => {
  const c = new MemoryClient();
  const uri = 'file:///ws/nvim/pod.yaml';
  try {
    await c.initialize({}, null, NEOVIM_07);
    let asked = 0;
    c.conn.onRequest('workspace/configuration', () => {
      asked++;
      return [null];
    });
    // What on_init does in docs/editors.md: client.notify('workspace/didChangeConfiguration', { settings = config.settings })
    await c.conn.sendNotification('workspace/didChangeConfiguration', { settings: { dockyard: { pss: 'baseline', rules: { 'privileged-container': 'warning', 'missing-resource-limits': 'off' } } } });
    await c.open(uri, 'yaml', POD);
    const p = await c.waitFor((x) => x.uri === uri && x.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'privileged-container');
    assert.equal(d?.severity, 2, 'the pushed severity override applies');
    assert.ok(!codes(p).includes('missing-resource-limits'), 'the rule turned off stays off');
    // baseline: none of the restricted-only checks
    assert.ok(!codes(p).includes('run-as-root'), codes(p).join());
    assert.equal(asked, 0, 'the server never asks a client that did not advertise workspace/configuration');
    // No dynamic registrations were sent to a client that did not offer them.
    assert.deepEqual(c.registrations, []);
  } finally {
    await c.shutdown();
  }
});

test('code lenses carry a command the server advertises and executes (no client-side command needed)', async () => {
  const c = new MemoryClient();
  const uri = 'file:///ws/img/Dockerfile';
  try {
    const r = await c.initialize({}, null, NEOVIM_07);
    const commands = (r.capabilities.executeCommandProvider as { commands: string[] }).commands;
    assert.deepEqual(commands, ['dockyard.applyFixAll', 'dockyard.server.showRuleDocs']);
    // None of them is a command of the VS Code client (vscode-languageclient registers these ids).
    assert.ok(!commands.includes('dockyard.showRuleDocs'));
    await c.open(uri, 'dockerfile', DOCKERFILE);
    await c.waitFor((x) => x.uri === uri);
    const lenses = await c.request<any[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.ok(lenses.length >= 1);
    for (const l of lenses) assert.ok(commands.includes(l.command.command), `lens command ${l.command.command} is advertised`);
    const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, context: { diagnostics: [] } });
    for (const a of actions) if (a.command) assert.ok(commands.includes(a.command.command), `action command ${a.command.command} is advertised`);

    // Run the lens command as Neovim's vim.lsp.codelens.run() does: without showDocument, a message.
    const res = await c.request<any>('workspace/executeCommand', lenses[0].command);
    assert.equal(res.rule, 'layer-count');
    assert.match(res.markdown, /^\*\*layer-count\*\* — /);
    const shown = await until('a showMessage', () => c.messages.find((m) => m.method === 'window/showMessage'));
    assert.equal(shown.type, 3);
    assert.match(shown.message, /^layer-count: A stage with more layers \(RUN, COPY, ADD\) than the threshold .* Documentation: (\S+rules\.md:\d+|https:\/\/\S+#layer-count)$/);

    // An unknown rule or command is an error the editor shows, not a silent nothing.
    await assert.rejects(c.request('workspace/executeCommand', { command: 'dockyard.server.showRuleDocs', arguments: ['no-such-rule'] }), /Unknown rule id: no-such-rule/);
    await assert.rejects(c.request('workspace/executeCommand', { command: 'dockyard.showRuleDocs', arguments: ['layer-count'] }), /Dockyard has no command dockyard\.showRuleDocs/);
  } finally {
    await c.shutdown();
  }
});

test('the bundled server opens the rule section of its docs/rules.md where the client supports window/showDocument', async () => {
  const c = new TestClient();
  try {
    await c.initialize({}, null, { window: { showDocument: { support: true } } });
    await c.request('workspace/executeCommand', { command: 'dockyard.server.showRuleDocs', arguments: ['layer-count'] });
    const doc = c.shownDocuments[0];
    assert.equal(doc.uri, pathToFileURL(join(ROOT, 'docs/rules.md')).toString());
    const line = (await import('node:fs')).readFileSync(join(ROOT, 'docs/rules.md'), 'utf8').split('\n').indexOf('### layer-count');
    assert.ok(line > 0);
    assert.deepEqual(doc.selection, { start: { line, character: 0 }, end: { line, character: 0 } });
    assert.equal(doc.takeFocus, true);
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});

test('file watching: a ConfigMap created on disk clears missing-reference in an open file, deleting it brings it back; no workspace lint', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockyard-watch-'));
  const c = new MemoryClient();
  try {
    mkdirSync(join(dir, 'deploy'));
    const api = join(dir, 'deploy/glance-api.yaml');
    const etc = join(dir, 'deploy/glance-etc.yaml');
    const apiText = POD.replace('privileged: true', 'privileged: false') + '      envFrom:\n        - configMapRef:\n            name: glance-etc\n';
    writeFileSync(api, apiText);
    const apiUri = pathToFileURL(api).toString();
    const etcUri = pathToFileURL(etc).toString();
    await c.initialize({}, pathToFileURL(dir).toString(), {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    });
    // The server asked to watch manifests (and config, CRD schema and loci data files).
    const reg = await until('the watcher registration', () => c.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles'));
    assert.deepEqual(reg.registerOptions.watchers.map((w: { globPattern: string }) => w.globPattern), ['**/*.{yaml,yml,json}', '**/.dockyard.{yaml,yml}', '**/.hadolint.{yaml,yml}', '**/{bindep,pydep}*.txt']);

    await c.open(apiUri, 'yaml', apiText);
    const first = await c.waitFor((x) => x.uri === apiUri);
    const missing = first.diagnostics.find((d) => d.code === 'missing-reference');
    assert.equal(missing?.message, 'ConfigMap "glance-etc" (envFrom) is not defined in the workspace.');
    await settle();

    // The scaffold wizard writes glance-etc.yaml; the editor reports the created file.
    writeFileSync(etc, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: glance-etc\ndata:\n  glance-api.conf: ""\n');
    let seen = c.published.length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: etcUri, type: 1 }] });
    const cleared = await c.waitFor((x) => x.uri === apiUri && c.published.indexOf(x) >= seen);
    assert.ok(!codes(cleared).includes('missing-reference'), codes(cleared).join());
    assert.equal(c.published.slice(seen).filter((x) => x.uri === etcUri).length, 0, 'a file that is not open gets no diagnostics from watching');

    // Renamed on disk (changed): the reference is missing again.
    writeFileSync(etc, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: glance-conf\n');
    seen = c.published.length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: etcUri, type: 2 }] });
    const again = await c.waitFor((x) => x.uri === apiUri && c.published.indexOf(x) >= seen);
    assert.ok(codes(again).includes('missing-reference'));

    // Back, then deleted.
    writeFileSync(etc, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: glance-etc\n');
    seen = c.published.length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: etcUri, type: 2 }] });
    assert.ok(!codes(await c.waitFor((x) => x.uri === apiUri && c.published.indexOf(x) >= seen)).includes('missing-reference'));
    unlinkSync(etc);
    seen = c.published.length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: etcUri, type: 3 }] });
    assert.ok(codes(await c.waitFor((x) => x.uri === apiUri && c.published.indexOf(x) >= seen)).includes('missing-reference'));
    assert.ok(c.messages.some((m) => m.message === 'Files changed on disk: 1 file re-read for the cross-file index.'), c.messages.map((m) => m.message).join('\n'));
  } finally {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('file watching: a changed CRD schema file named by kubernetes.crdSchemas re-validates the custom resources', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockyard-watch-crd-'));
  const c = new MemoryClient();
  try {
    const schema = join(dir, 'widget.schema.json');
    const strict = (field: string) => JSON.stringify({ type: 'object', required: ['spec'], properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, metadata: { type: 'object' }, spec: { type: 'object', properties: { [field]: { type: 'string' } }, additionalProperties: false } } });
    writeFileSync(schema, strict('size'));
    writeFileSync(join(dir, '.dockyard.yaml'), 'kubernetes:\n  crdSchemas:\n    Widget: widget.schema.json\n');
    const cr = join(dir, 'widget.yaml');
    const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  colour: red\n';
    writeFileSync(cr, text);
    const uri = pathToFileURL(cr).toString();
    await c.initialize({}, pathToFileURL(dir).toString(), { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } } });
    await c.open(uri, 'yaml', text);
    const before = await c.waitFor((x) => x.uri === uri);
    assert.ok(codes(before).includes('schema-unknown-field'), JSON.stringify(before.diagnostics));
    await settle();
    writeFileSync(schema, strict('colour'));
    const seen = c.published.length;
    await c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(schema).toString(), type: 2 }] });
    const after = await c.waitFor((x) => x.uri === uri && c.published.indexOf(x) >= seen);
    assert.ok(!codes(after).includes('schema-unknown-field'), codes(after).join());
  } finally {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the log ("Dockyard: Show output") says what the server started with and each workspace lint', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dockyard-log-'));
  const c = new MemoryClient();
  try {
    writeFileSync(join(dir, 'pod.yaml'), POD);
    await c.initialize({ yamlSyntaxElsewhere: true }, pathToFileURL(dir).toString(), { workspace: { configuration: true } });
    await until('the start log', () => c.messages.find((m) => /^YAML syntax errors/.test(m.message)));
    const lines = c.messages.filter((m) => m.method === 'window/logMessage').map((m) => m.message);
    assert.match(lines[0], /^Dockyard language server \S+ started \(Node v\d+\.\d+\.\d+, \?\); workspace folders: /);
    assert.ok(lines[0].endsWith(`${dir}.`), lines[0]);
    assert.equal(lines[1], `${dir}: Kubernetes 1.36 (the default), Pod Security Standards restricted, loci data: bundled bindep.txt/pydep.txt of loci 3069ce166cf8, configuration: defaults and editor settings.`);
    assert.equal(lines[2], 'YAML syntax errors and duplicate keys: left to the other extension (dockyard.coexistence.yamlSyntax: auto; Red Hat YAML installed).');
    assert.equal(lines[3], 'Dockerfile syntax errors: reported by Dockyard (dockyard.coexistence.dockerfileSyntax: auto; Container Tools / Docker DX not installed).');
    assert.match(lines[4], /^The editor does not offer file watching/);

    const r = await c.request<any>('dockyard/lintWorkspace', { folders: [pathToFileURL(dir).toString()] });
    assert.equal(r.files, 1);
    const lint = await until('the lint log', () => c.messages.find((m) => m.message.startsWith('Lint workspace:')));
    assert.match(lint.message, new RegExp(`^Lint workspace: 1 file in \\d+ ms: ${r.errors} errors?, ${r.warnings} warnings?\\.$`));
  } finally {
    await c.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('dockyard/status counts every severity, as the Problems panel lists errors, warnings and infos', async () => {
  const c = new MemoryClient();
  const statuses: any[] = [];
  c.conn.onNotification('dockyard/status', (s) => statuses.push(s));
  const pod = 'file:///ws/status/pod.yaml';
  const df = 'file:///ws/status/Dockerfile';
  try {
    await c.initialize();
    await c.open(pod, 'yaml', POD);
    await c.open(df, 'dockerfile', DOCKERFILE);
    const a = await c.waitFor((x) => x.uri === pod);
    const b = await c.waitFor((x) => x.uri === df);
    const all = [...a.diagnostics, ...b.diagnostics];
    const count = (sev: number) => all.filter((d) => d.severity === sev).length;
    assert.ok(count(3) > 0, 'the Dockerfile has information findings (consecutive-run)');
    const last = await until('a status with both files', () => [...statuses].reverse().find((s: { documents: number }) => s.documents === 2));
    assert.deepEqual(last, { errors: count(1), warnings: count(2), information: count(3), hints: count(4), documents: 2 });
  } finally {
    await c.shutdown();
  }
});

test('hover on a finding adds the rule docs without repeating the message the editor already shows', async () => {
  const c = new MemoryClient();
  const uri = 'file:///ws/hover/pod.yaml';
  try {
    await c.initialize();
    await c.open(uri, 'yaml', POD);
    const p = await c.waitFor((x) => x.uri === uri);
    const d = p.diagnostics.find((x) => x.code === 'privileged-container')!;
    const h = await c.request<any>('textDocument/hover', { textDocument: { uri }, position: { line: 9, character: 12 } });
    assert.ok(!h.contents.value.includes(d.message), h.contents.value);
    assert.match(h.contents.value, /^\*\*privileged-container\*\* — /m);
    assert.equal(h.contents.value.split('**privileged-container**').length, 2, 'each rule once');
  } finally {
    await c.shutdown();
  }
});
