// `dockyard lint --lang zh-cn` (issue #15): every finding in Chinese, rule ids and paths as they
// are; English stays the default; LANG / LC_ALL choose the language when --lang is not given.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { ROOT } from '../lsp/client';

const CLI = path.join(ROOT, 'dist/cli.js');
const HAN = /[\u4e00-\u9fff]/;

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `path:line:col severity rule message` lines, and the summary line. */
function findings(stdout: string) {
  const lines = stdout.trimEnd().split('\n');
  const summary = lines.pop()!;
  return {
    summary,
    items: lines.map((l) => {
      const m = /^(\S+):(\d+):(\d+) (error|warning|information|hint) ([a-z0-9-]+) (.*)$/.exec(l);
      assert.ok(m, `finding line: ${l}`);
      return { path: m[1], rule: m[5], message: m[6] };
    }),
  };
}

test('dockyard lint --lang zh-cn examples/: every finding in Chinese, ids and paths unchanged', () => {
  const r = run(['lint', '--lang', 'zh-cn', 'examples/']);
  assert.equal(r.code, 1);
  const { summary, items } = findings(r.stdout);
  assert.ok(items.length >= 30, `${items.length} findings`);
  for (const f of items) {
    assert.match(f.message, HAN, `${f.rule} in ${f.path}: ${f.message}`);
    assert.match(f.path, /^examples\//);
  }
  assert.ok(items.some((f) => f.rule === 'privileged-container' && /^容器“[^”]+”以特权模式运行（securityContext\.privileged: true）。$/.test(f.message)));
  assert.match(summary, /^\d+ 个文件，\d+ 个错误，\d+ 个警告，\d+ 条提示$/);
});

test('English stays the default: without --lang, LANG or LC_ALL no finding is in Chinese', () => {
  const r = run(['lint', 'examples/']);
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, HAN);
  const { summary, items } = findings(r.stdout);
  assert.ok(items.some((f) => f.rule === 'privileged-container' && /runs privileged/.test(f.message)));
  assert.match(summary, /^\d+ files, \d+ errors?, \d+ warnings?, \d+ infos?$/);
});

test('LANG / LC_ALL pick the language; LC_ALL wins over LANG and --lang over both', () => {
  const zh = run(['lint', 'examples/deploy/insecure-pod.yaml'], { LANG: 'zh_CN.UTF-8' });
  assert.ok(findings(zh.stdout).items.every((f) => HAN.test(f.message)));
  const c = run(['lint', 'examples/deploy/insecure-pod.yaml'], { LANG: 'zh_CN.UTF-8', LC_ALL: 'C' });
  assert.doesNotMatch(c.stdout, HAN);
  const all = run(['lint', 'examples/deploy/insecure-pod.yaml'], { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' });
  assert.match(all.stdout, HAN);
  const en = run(['lint', '--lang', 'en', 'examples/deploy/insecure-pod.yaml'], { LC_ALL: 'zh_CN.UTF-8' });
  assert.doesNotMatch(en.stdout, HAN);
});

test('JSON on every fixture and example: each message in Chinese, rule ids in English', () => {
  const r = run(['lint', '--lang', 'zh-cn', '--format', 'json', 'test/fixtures', 'examples']);
  const j = JSON.parse(r.stdout) as { files: { path: string; diagnostics: { rule: string; message: string }[] }[] };
  const all = j.files.flatMap((f) => f.diagnostics);
  const rules = new Set(all.map((d) => d.rule));
  assert.ok(all.length >= 100 && rules.size >= 40, `${all.length} findings of ${rules.size} rules`);
  assert.deepEqual(all.filter((d) => !HAN.test(d.message)).map((d) => `${d.rule}: ${d.message}`), []);
  for (const id of rules) assert.match(id, /^[a-z0-9-]+$/);
});

test('SARIF in Chinese: message.text and rule descriptions translated, ruleId and the docs link per language', () => {
  const r = run(['lint', '--lang', 'zh-cn', '--format', 'sarif', 'examples/deploy/insecure-pod.yaml']);
  const run0 = JSON.parse(r.stdout).runs[0];
  assert.ok(run0.results.length > 5);
  for (const x of run0.results) {
    assert.match(x.message.text, HAN);
    assert.match(x.ruleId, /^[a-z0-9-]+$/);
  }
  const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'privileged-container');
  assert.equal(rule.shortDescription.text, '容器以特权模式运行：它获得所有 Linux 能力，并可访问主机的全部设备。');
  assert.match(rule.helpUri, /docs\/rules\.zh-cn\.md#privileged-container$/);
  const en = JSON.parse(run(['lint', '--format', 'sarif', 'examples/deploy/insecure-pod.yaml']).stdout).runs[0];
  assert.match(en.tool.driver.rules[0].helpUri, /docs\/rules\.md#/);
});
