/**
 * Runs INSIDE a VS Code extension host (the `extensionTestsPath` of @vscode/test-electron, or of
 * code-server through the workbench's `payload`): activation, commands, diagnostics on an insecure
 * manifest, the quick fix, lint workspace, a Dockerfile. A tiny runner on node and vscode APIs only
 * (no mocha). The workspace is a copy of test/e2e/fixtures/workspace.
 */
import * as vscode from 'vscode';
import assert from 'node:assert/strict';

const EXT_ID = 'dockyard-dev.dockyard';
const TIMEOUT = 60_000;

type Case = { name: string; fn: () => Promise<void> };
const cases: Case[] = [];
const test = (name: string, fn: () => Promise<void>) => cases.push({ name, fn });

function ws(rel: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder: launch VS Code on a copy of test/e2e/fixtures/workspace');
  return vscode.Uri.joinPath(folder.uri, rel);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? ''));

/** Resolves with the diagnostics of `uri` as soon as `pred` holds for them (event-driven, with a deadline). */
function diagnosticsWhere(uri: vscode.Uri, pred: (ds: readonly vscode.Diagnostic[]) => boolean, what: string): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri);
      if (!pred(ds)) return false;
      cleanup();
      resolve(ds);
      return true;
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const now = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character}`);
      reject(new Error(`timed out after ${TIMEOUT} ms waiting for ${what} on ${uri.fsPath} (now: ${now.join(', ') || 'none'})`));
    }, TIMEOUT);
    const cleanup = () => {
      clearTimeout(timer);
      sub.dispose();
    };
    check();
  });
}
const withCode = (rule: string) => (ds: readonly vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === rule && d.source === 'dockyard');
const withoutCode = (rule: string) => (ds: readonly vscode.Diagnostic[]) => !ds.some((d) => codeOf(d) === rule);

test('the extension is installed, activates and starts its language server', async () => {
  const ext = vscode.extensions.getExtension<{ client: () => { isRunning(): boolean } | undefined }>(EXT_ID);
  assert.ok(ext, `${EXT_ID} is not loaded`);
  const api = await ext.activate();
  assert.equal(ext.isActive, true);
  const deadline = Date.now() + TIMEOUT;
  while (!api.client()?.isRunning()) {
    if (Date.now() > deadline) throw new Error('the language client never reached the running state');
    await new Promise((r) => setTimeout(r, 100));
  }
});

test('contributes its commands', async () => {
  const all = new Set(await vscode.commands.getCommands(true));
  for (const c of ['dockyard.lintWorkspace', 'dockyard.restartServer', 'dockyard.showRuleDocs', 'dockyard.showOutput']) assert.ok(all.has(c), `command ${c} is not registered`);
});

test('reports privileged-container on an insecure manifest', async () => {
  const uri = ws('deploy/insecure-pod.yaml');
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const ds = await diagnosticsWhere(uri, withCode('privileged-container'), 'privileged-container');
  const d = ds.find((x) => codeOf(x) === 'privileged-container')!;
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.equal(d.message, 'Container "web" runs privileged (securityContext.privileged: true).');
  assert.deepEqual([d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character], [10, 8, 10, 24]);
});

test('the "Set privileged to false" quick fix rewrites the value and clears the problem', async () => {
  const uri = ws('deploy/insecure-pod.yaml');
  const doc = await vscode.workspace.openTextDocument(uri);
  const before = doc.getText();
  const d = (await diagnosticsWhere(uri, withCode('privileged-container'), 'privileged-container')).find((x) => codeOf(x) === 'privileged-container')!;
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
  const fix = actions.find((a) => a.title === 'Set privileged to false');
  assert.ok(fix, `no "Set privileged to false" among: ${actions.map((a) => a.title).join(' | ')}`);
  assert.ok(fix.edit, 'the quick fix carries a workspace edit');
  assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
  assert.equal(doc.getText(), before.replace('privileged: true', 'privileged: false'));
  await diagnosticsWhere(uri, withoutCode('privileged-container'), 'privileged-container to disappear');
  assert.equal(await doc.save(), true);
});

test('"Dockyard: Lint workspace" reports dockerfile-syntax in a Dockerfile that is not open', async () => {
  const uri = ws('images/Dockerfile');
  assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()), 'the Dockerfile must not be open yet');
  const wait = diagnosticsWhere(uri, withCode('dockerfile-syntax'), 'dockerfile-syntax after lint workspace');
  await vscode.commands.executeCommand('dockyard.lintWorkspace');
  const d = (await wait).find((x) => codeOf(x) === 'dockerfile-syntax')!;
  assert.match(d.message, /^Unknown instruction "RUNN"/);
  assert.deepEqual([d.range.start.line, d.range.start.character], [1, 0]);
});

test('reports dockerfile-syntax in an open Dockerfile', async () => {
  const uri = ws('images/Dockerfile');
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc);
  assert.equal(doc.languageId, 'dockerfile');
  const d = (await diagnosticsWhere(uri, withCode('dockerfile-syntax'), 'dockerfile-syntax')).find((x) => codeOf(x) === 'dockerfile-syntax')!;
  assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  assert.match(d.message, /RUNN/);
});

/** Called by the extension host. Rejects (→ non-zero exit code) when a test failed. */
export async function run(): Promise<void> {
  let passed = 0;
  const failures: string[] = [];
  console.log(`Dockyard extension suite (${vscode.version}, ${vscode.env.appName})`);
  for (const c of cases) {
    const t0 = Date.now();
    try {
      await c.fn();
      passed++;
      console.log(`  ok   ${c.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      failures.push(`${c.name}: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      console.log(`  FAIL ${c.name} (${Date.now() - t0} ms)\n${String(e instanceof Error ? e.stack ?? e.message : e).replace(/^/gm, '       ')}`);
    }
  }
  console.log(`extension suite: ${passed} ok, ${failures.length} failing`);
  if (failures.length) throw new Error(`${failures.length} of ${cases.length} extension tests failed:\n${failures.join('\n')}`);
}
