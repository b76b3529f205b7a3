import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryClient } from './client';

const URI = 'file:///ws/app/Dockerfile';
const TEXT = ['FROM ubuntu:24.04', 'USER app', 'MAINTAINER me', 'CMD echo hi', ''].join('\n');

test('Docker DX installed: BuildKit-equivalent findings are not published, their quick fixes are still offered', async () => {
  const c = new MemoryClient();
  try {
    await c.initialize({ buildkitChecksElsewhere: true, dockerfileSyntaxElsewhere: true });
    await c.open(URI, 'dockerfile', TEXT);
    const p = await c.waitFor((x) => x.uri === URI && x.version === 1);
    assert.deepEqual(p.diagnostics.map((d) => d.code), []);
    const actions = await c.request<any[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } },
      context: { diagnostics: [] },
    });
    const remove = actions.find((a) => a.title === 'Replace with LABEL maintainer=…');
    assert.ok(remove, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(remove.edit.changes[URI], [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 13 } }, newText: 'LABEL maintainer="me"' }]);
    assert.equal(remove.diagnostics, undefined, 'no unpublished diagnostic is attached');
    assert.ok(!actions.some((a) => a.title.startsWith('Ignore ')), 'no ignore action for a finding Dockyard does not show');

    // The DX extension goes away: the findings are published again.
    await c.conn.sendNotification('dockyard/hostContext', { buildkitChecksElsewhere: false });
    const again = await c.waitFor((x) => x.uri === URI && x.diagnostics.length > 0);
    assert.deepEqual(again.diagnostics.map((d) => d.code).sort(), ['cmd-shell-form', 'maintainer-deprecated']);
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});

test('coexistence.buildkitChecks: always shows them with Docker DX installed', async () => {
  const c = new MemoryClient();
  try {
    c.settings = { coexistence: { buildkitChecks: 'always' } };
    await c.initialize({ buildkitChecksElsewhere: true });
    await c.open(URI, 'dockerfile', TEXT);
    const p = await c.waitFor((x) => x.uri === URI && x.version === 1 && x.diagnostics.length > 0);
    assert.deepEqual(p.diagnostics.map((d) => d.code).sort(), ['cmd-shell-form', 'maintainer-deprecated']);
  } finally {
    assert.equal(await c.shutdown(), 0);
  }
});
