// The editor's fix-all and `dockyard fix` are one implementation (DockyardService.fixText): on every
// example and fixture, applying `source.fixAll.dockyard` over the in-memory LSP connection (repeated,
// as an editor does on each save, until it offers nothing) gives the very bytes `dockyard fix` writes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { MemoryClient, ROOT } from './client';
import { walk } from '../../server/src/host/files';

const GROUPS = ['examples', 'test/fixtures/helm', 'test/fixtures/loci', 'test/fixtures/scaffold', 'test/fixtures/security', 'test/fixtures/golden', 'test/e2e/fixtures/workspace'];

function languageOf(p: string): string {
  const b = path.basename(p);
  if (/\.ya?ml$/.test(b)) return 'yaml';
  if (/\.sh$/.test(b)) return 'shellscript';
  if (/^(Dockerfile|Containerfile)|\.dockerfile$/i.test(b)) return 'dockerfile';
  return 'plaintext';
}

test('editor fix-all (in-memory LSP, repeated like save) and `dockyard fix` write identical bytes on every example and fixture', async () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-parity-'));
  const c = new MemoryClient();
  let compared = 0;
  let changed = 0;
  try {
    await c.initialize();
    for (const g of GROUPS) {
      const src = path.join(ROOT, g);
      if (!fs.existsSync(src)) continue;
      const dir = path.join(tmp, g.replace(/\//g, '_'));
      fs.cpSync(src, dir, { recursive: true });
      const files: string[] = [];
      walk(dir, (p) => files.push(p));
      const editor = new Map<string, string>();
      for (const file of files) {
        const uri = pathToFileURL(file).toString();
        let doc = TextDocument.create(uri, languageOf(file), 1, fs.readFileSync(file, 'utf8'));
        await c.open(uri, doc.languageId, doc.getText(), 1);
        for (let save = 0; save < 10; save++) {
          const actions = await c.request<{ kind: string; edit: { changes: Record<string, { range: never; newText: string }[]> } }[]>('textDocument/codeAction', {
            textDocument: { uri },
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            context: { diagnostics: [], only: ['source.fixAll.dockyard'] },
          });
          const all = actions.find((a) => a.kind === 'source.fixAll.dockyard');
          if (!all) break;
          const text = TextDocument.applyEdits(doc, all.edit.changes[uri]);
          doc = TextDocument.create(uri, doc.languageId, doc.version + 1, text);
          await c.change(uri, doc.version, [{ text }]);
        }
        editor.set(file, doc.getText());
        await c.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'fix', '--fail-on', 'never', '.'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      assert.equal(r.status, 0, r.stderr);
      for (const [file, text] of editor) {
        const written = fs.readFileSync(file, 'utf8');
        assert.equal(text, written, `${g}/${path.relative(dir, file)}: editor fix-all and dockyard fix differ`);
        compared++;
        if (written !== fs.readFileSync(path.join(src, path.relative(dir, file)), 'utf8')) changed++;
      }
    }
  } finally {
    await c.shutdown();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  assert.ok(compared >= 60, `compared ${compared} files`);
  assert.ok(changed >= 5, `only ${changed} files changed by fix-all`);
});
