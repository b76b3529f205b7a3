import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryClient } from './client';

const URI = 'file:///ws/images/Dockerfile';
const TEXT = [
  'FROM ubuntu:24.04 AS base',
  'RUN apt-get update && \\',
  '    sudo apt-get install -y curl',
  'RUN make',
  'FROM base',
  'COPY app /app',
  '',
].join('\n');

test('Dockerfile over LSP: diagnostics, layer inlay hints and code lenses, fix-all, ignore above the instruction', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize();
    await c.open(URI, 'dockerfile', TEXT);
    const p = await c.waitFor((x) => x.uri === URI && x.version === 1);
    const codes = p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort();
    assert.deepEqual(codes, ['apt-install-recommends@2:9', 'apt-lists-not-cleaned@2:9', 'consecutive-run@1:0', 'root-user@4:5', 'sudo-in-run@2:4', 'unpinned-os-package@2:28']);

    const hints = await c.request<any[]>('textDocument/inlayHint', { textDocument: { uri: URI }, range: { start: { line: 0, character: 0 }, end: { line: 10, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.position.character, h.label]), [[1, 23, 'layer 1'], [3, 8, 'layer 2'], [5, 13, 'layer 3']]);

    const lenses = await c.request<any[]>('textDocument/codeLens', { textDocument: { uri: URI } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
      [0, '2 layers in stage base'],
      [4, '1 layer in stage #2'],
      [4, 'Image: 3 layers (2 from base)'],
    ]);

    const all = await c.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.dockyard'] },
    });
    assert.equal(all.length, 1);
    assert.deepEqual(all[0].edit.changes[URI], [{ range: { start: { line: 2, character: 32 }, end: { line: 2, character: 32 } }, newText: ' && \\\n    rm -rf /var/lib/apt/lists/*' }]);

    // consecutive-run sits on the first RUN, says which lines, and the merge is offered right there.
    const merge = p.diagnostics.find((d) => d.code === 'consecutive-run')!;
    assert.equal(merge.message, '2 consecutive RUN instructions (lines 2 to 4) could be one layer.');
    const atFirst = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, context: { diagnostics: [merge] } });
    const merged = atFirst.find((a) => a.title === 'Merge the 2 RUN instructions into one');
    assert.ok(merged, JSON.stringify(atFirst.map((a) => a.title)));
    assert.deepEqual(merged.edit.changes[URI], [{ range: { start: { line: 1, character: 4 }, end: { line: 3, character: 8 } }, newText: 'apt-get update && \\\n    sudo apt-get install -y curl && \\\n    make' }]);

    const sudo = p.diagnostics.find((d) => d.code === 'sudo-in-run')!;
    const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: URI }, range: sudo.range, context: { diagnostics: [sudo] } });
    const remove = actions.find((a) => a.title === 'Remove sudo');
    assert.deepEqual(remove.edit.changes[URI], [{ range: { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } }, newText: '' }]);
    const ignore = actions.find((a) => a.title === 'Ignore sudo-in-run here');
    assert.deepEqual(ignore.edit.changes[URI], [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '# dockyard-ignore sudo-in-run: reason\n' }]);
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});
