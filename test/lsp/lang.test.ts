// The language server speaks the client's language (issue #15): initializationOptions.lang (the
// client sends vscode.env.language) or the LSP locale. Diagnostics, related information, the docs
// link, hovers (risk, how to fix, PSS level), quick-fix and fix-all titles, completion details,
// inlay hints and code lenses, all through the protocol.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryClient } from './client';

const HAN = /[\u4e00-\u9fff]/;
const POD_URI = 'file:///ws/pod.yaml';
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
const DUP_URI = 'file:///ws/dup.yaml';
const DUP = 'a: 1\na: 2\n';
const COMPLETE_URI = 'file:///ws/complete.yaml';
const COMPLETE = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: c\nspec:\n  \n';
const DOCKERFILE_URI = 'file:///ws/Dockerfile';
const DOCKERFILE = 'FROM ubuntu:24.04\nRUN echo a\nRUN echo b\nUSER 1000\n';

/* eslint-disable @typescript-eslint/no-explicit-any */
async function session(init: Record<string, unknown>, locale?: string) {
  const c = new MemoryClient();
  if (locale) {
    // An LSP client that sends only `locale` (no initializationOptions.lang).
    await c.conn.sendRequest('initialize', { processId: null, rootUri: null, locale, capabilities: { workspace: { configuration: true } }, initializationOptions: { debounceMs: 10 } });
    await c.conn.sendNotification('initialized', {});
  } else await c.initialize(init);
  return c;
}

test('initializationOptions.lang zh-cn: every rendered text in Chinese', async () => {
  const c = await session({ lang: 'zh-cn' });
  try {
    await c.open(POD_URI, 'yaml', POD);
    const pod = await c.waitFor((p) => p.uri === POD_URI);
    const priv = pod.diagnostics.find((d) => d.code === 'privileged-container')!;
    assert.equal(priv.message, '容器“app”以特权模式运行（securityContext.privileged: true）。');
    assert.match(priv.codeDescription!.href, /docs\/rules\.zh-cn\.md#privileged-container$/);
    for (const d of pod.diagnostics) assert.match(d.message, HAN, `${d.code}: ${d.message}`);

    await c.open(DUP_URI, 'yaml', DUP);
    const dup = (await c.waitFor((p) => p.uri === DUP_URI)).diagnostics.find((d) => d.code === 'duplicate-key') as any;
    assert.equal(dup.message, '重复的键“a”（首次定义于第 1 行）。');
    assert.equal(dup.relatedInformation[0].message, '第一个“a”在这里。');

    const actions = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: POD_URI }, range: priv.range, context: { diagnostics: [priv] } });
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('将 privileged 设为 false'), titles.join(' | '));
    assert.ok(titles.includes('在此处忽略 privileged-container'), titles.join(' | '));
    const fixAll = await c.request<any[]>('textDocument/codeAction', { textDocument: { uri: POD_URI }, range: priv.range, context: { diagnostics: [], only: ['source.fixAll.dockyard'] } });
    for (const a of fixAll) assert.match(a.title, /^全部修复：/);

    const hover = await c.request<any>('textDocument/hover', { textDocument: { uri: POD_URI }, position: { line: 9, character: 10 } });
    const md: string = hover.contents.value;
    // the hover adds the rule's docs without repeating the message (VS Code shows it above)
    assert.doesNotMatch(md, /容器“app”以特权模式运行/);
    assert.match(md, /\*\*privileged-container\*\* — 容器以特权模式运行/);
    assert.match(md, /风险：特权容器可以接管节点/);
    assert.match(md, /修复方法：将 securityContext\.privileged 设为 false/);
    assert.match(md, /Pod 安全标准：baseline/);
    assert.match(md, /\[规则文档：privileged-container\]\(https:\/\/github\.com\/dockyard-dev\/dockyard\/blob\/main\/docs\/rules\.zh-cn\.md#privileged-container\)/);

    await c.open(COMPLETE_URI, 'yaml', COMPLETE);
    await c.waitFor((p) => p.uri === COMPLETE_URI);
    const items = await c.request<any[]>('textDocument/completion', { textDocument: { uri: COMPLETE_URI }, position: { line: 5, character: 2 } });
    const containers = items.find((i) => i.label === 'containers');
    assert.ok(containers, items.map((i) => i.label).join(' '));
    assert.match(containers.detail, /（必填）$/);

    await c.open(DOCKERFILE_URI, 'dockerfile', DOCKERFILE);
    await c.waitFor((p) => p.uri === DOCKERFILE_URI);
    const hints = await c.request<any[]>('textDocument/inlayHint', { textDocument: { uri: DOCKERFILE_URI }, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } });
    assert.deepEqual(hints.map((h) => h.label), ['第 1 层', '第 2 层']);
    assert.match(hints[0].tooltip, /^阶段 .+ 构建的镜像的第 1 个镜像层（RUN）/);
    const lenses = await c.request<any[]>('textDocument/codeLens', { textDocument: { uri: DOCKERFILE_URI } });
    assert.ok(lenses.length > 0);
    for (const l of lenses) assert.match(l.command.title, HAN, l.command.title);
  } finally {
    await c.shutdown();
  }
});

test('the LSP locale alone (zh-CN) selects Chinese; English is the default', async () => {
  const zh = await session({}, 'zh-CN');
  try {
    await zh.open(POD_URI, 'yaml', POD);
    const d = (await zh.waitFor((p) => p.uri === POD_URI)).diagnostics.find((x) => x.code === 'privileged-container')!;
    assert.match(d.message, /^容器“app”以特权模式运行/);
  } finally {
    await zh.shutdown();
  }
  const en = await session({ lang: 'en' });
  try {
    await en.open(POD_URI, 'yaml', POD);
    const pub = await en.waitFor((p) => p.uri === POD_URI);
    for (const d of pub.diagnostics) assert.doesNotMatch(d.message, HAN);
    const d = pub.diagnostics.find((x) => x.code === 'privileged-container')!;
    assert.equal(d.message, 'Container "app" runs privileged (securityContext.privileged: true).');
    assert.match(d.codeDescription!.href, /docs\/rules\.md#privileged-container$/);
  } finally {
    await en.shutdown();
  }
});
