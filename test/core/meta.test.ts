import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry } from '../../server/src/core/rules';
import { enParts } from '../../server/src/core/messages/en';
import { zhCn } from '../../server/src/core/messages/zh-cn';
import { hasMessage, placeholders } from '../../server/src/core/messages/catalog';
import { rulesMarkdown } from '../../server/src/core/features/rule-docs';
import { ROOT } from '../lsp/client';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const CORE = path.join(ROOT, 'server/src/core');
const SERVER_SRC = path.join(ROOT, 'server/src');

/** Ids beyond RULES.md, each for a reason (RULES.md allows adding ids in the same style). */
const EXTRA_RULE_IDS: Record<string, string> = {
  'unknown-rule-in-suppression': 'a dockyard-ignore comment that names no rule silences nothing',
  'unknown-code-in-suppression': 'a suppression migrated from hadolint, kube-linter or Polaris names a check no rule maps (issue #14)',
  'file-encoding': 'a file that is not UTF-8 is read as Latin-1 and said so',
  'file-too-large': 'files over the size limit are not analysed, and said so',
  'binary-file': 'binary files are not analysed, and said so',
  'internal-error': 'a rule that throws is said at error level instead of silently skipped (issue #12)',
  'analysis-incomplete': 'input beyond a safety limit (shell nesting) is not analysed, and said so at warning level (issue #12)',
};

test('the analysis core imports nothing from vscode or the LSP libraries', () => {
  const offenders: string[] = [];
  for (const f of sources(CORE)) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\()\s*['"]([^'"]+)['"]/g)) {
      if (/^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol)(\/|$)/.test(m[1])) offenders.push(`${path.relative(ROOT, f)}: ${m[1]}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('every rule id is in the rule catalog contract (or a documented extra)', () => {
  const spec = fs.readFileSync(path.join(ROOT, 'docs/spec/RULES.md'), 'utf8');
  const specIds = new Set([...spec.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]));
  specIds.add('suppression-without-reason');
  const unknown = createRegistry().ids().filter((id) => !specIds.has(id) && !EXTRA_RULE_IDS[id]);
  assert.deepEqual(unknown, []);
});

test('every rule has summary and fix docs in the catalog', () => {
  const missing: string[] = [];
  for (const id of createRegistry().ids()) {
    for (const part of ['summary', 'fix']) if (!hasMessage(`rule.${id}.${part}`)) missing.push(`rule.${id}.${part}`);
  }
  assert.deepEqual(missing, []);
});

test('message ids are unique across the catalog parts', () => {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const [part, entries] of Object.entries(enParts)) {
    for (const id of Object.keys(entries)) {
      if (seen.has(id)) dups.push(`${id} (${seen.get(id)} and ${part})`);
      seen.set(id, part);
    }
  }
  assert.deepEqual(dups, []);
});

test('every literal message id used in the sources exists in the English catalog', () => {
  const missing = new Set<string>();
  for (const f of [...sources(SERVER_SRC), ...sources(path.join(ROOT, 'client/src'))]) {
    const text = fs.readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\b(?:msg|t)\(\s*'([a-z][\w.-]*\.[\w.-]+)'/g)) {
      if (!hasMessage(m[1])) missing.add(`${path.relative(ROOT, f)}: ${m[1]}`);
    }
  }
  assert.deepEqual([...missing], []);
});

test('translations use exactly the placeholders of the English original', () => {
  const en = Object.assign({}, ...Object.values(enParts)) as Record<string, string>;
  const bad: string[] = [];
  for (const [id, zh] of Object.entries(zhCn)) {
    if (!(id in en)) bad.push(`${id}: not in en`);
    else if (placeholders(zh).sort().join() !== placeholders(en[id]).sort().join()) bad.push(`${id}: placeholders differ`);
  }
  assert.deepEqual(bad, []);
});

test('docs/rules.md is generated from the registry and up to date (npm run docs)', () => {
  const onDisk = fs.readFileSync(path.join(ROOT, 'docs/rules.md'), 'utf8');
  assert.equal(onDisk, rulesMarkdown(createRegistry().all()), 'docs/rules.md is stale: run `npm run docs`');
});

test('plural forms are chosen per language and count', async () => {
  const { t } = await import('../../server/src/core/messages/catalog');
  assert.equal(t('cli.noProblems', { files: 1 }), '1 file, no problems');
  assert.equal(t('cli.noProblems', { files: 3 }), '3 files, no problems');
  assert.equal(t('cli.summary', { files: 2, errors: 1, warnings: 0, infos: 5 }), '2 files, 1 error, 0 warnings, 5 infos');
  assert.equal(t('core.status.problems', { count: 1 }), 'Dockyard: 1 problem');
  assert.equal(t('cli.noProblems', { files: 1 }, 'zh-cn'), '1 个文件，未发现问题');
});
