// One catalog per language on the same ids (issue #15): every id in every catalog with the same
// placeholders, Chinese that is really Chinese, the glossary used consistently, the manifest's
// %keys% in both package.nls files, and the generated Chinese rule documentation up to date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { en } from '../../../server/src/core/messages/en';
import { zhCn, zhCnParts } from '../../../server/src/core/messages/zh-cn';
import { INTENTIONALLY_IDENTICAL } from '../../../server/src/core/messages/zh-cn/identical';
import { GLOSSARY, prose, usesTerm } from '../../../server/src/core/messages/zh-cn/glossary';
import { LANGS, placeholders, t, template, type Lang } from '../../../server/src/core/messages/catalog';
import { nlsBundle, nlsKeys } from '../../../server/src/core/config/settings';
import { createRegistry } from '../../../server/src/core/rules';
import { rulesMarkdown } from '../../../server/src/core/features/rule-docs';

const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../../..');
const CATALOGS: Record<Lang, Record<string, string>> = { en, 'zh-cn': zhCn };
// Han characters or full-width punctuation (`apt（bindep.txt）：{packages}` is a Chinese line).
const CJK = /[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]/;
const sorted = (xs: string[]) => [...xs].sort().join(', ');

test('every message id exists in every catalog, and no catalog has ids English lacks', () => {
  for (const lang of LANGS) {
    const ids = CATALOGS[lang];
    assert.deepEqual(Object.keys(en).filter((id) => !(id in ids)), [], `${lang} misses ids`);
    assert.deepEqual(Object.keys(ids).filter((id) => !(id in en)), [], `${lang} has ids English lacks`);
  }
  assert.ok(Object.keys(zhCn).length >= 900, `${Object.keys(zhCn).length} zh-cn ids`);
});

test('the zh-cn parts hold each id once', () => {
  const seen = new Map<string, string>();
  const dups: string[] = [];
  for (const [part, entries] of Object.entries(zhCnParts)) {
    for (const id of Object.keys(entries)) {
      if (seen.has(id)) dups.push(`${id} (${seen.get(id)} and ${part})`);
      seen.set(id, part);
    }
  }
  assert.deepEqual(dups, []);
});

test('every translation uses exactly the placeholders of its English original', () => {
  const bad: string[] = [];
  for (const lang of LANGS) {
    for (const [id, text] of Object.entries(CATALOGS[lang])) {
      if (sorted(placeholders(text)) !== sorted(placeholders(en[id] ?? ''))) bad.push(`${lang} ${id}: {${sorted(placeholders(text))}} vs {${sorted(placeholders(en[id] ?? ''))}}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('placeholders() reads plural selectors as arguments and plural case texts as text', () => {
  assert.deepEqual(placeholders('{count, plural, one {# fix needs} other {# fixes need}} review and {count, plural, one {was} other {were}} not'), ['count']);
  assert.deepEqual(placeholders('{a} and {b}, {n, plural, other {{n}}}').sort(), ['a', 'b', 'n']);
});

test('every template renders completely when given its arguments (no {name} or plural syntax left)', () => {
  const bad: string[] = [];
  for (const lang of LANGS) {
    for (const [id, text] of Object.entries(CATALOGS[lang])) {
      const args = Object.fromEntries(placeholders(text).map((p) => [p, 2]));
      const out = t(id, args, lang);
      // `{type: RuntimeDefault}` and `emptyDir: {}` are YAML in prose, not placeholders.
      if (/\{[a-zA-Z][a-zA-Z0-9_]*\}|, plural,/.test(out)) bad.push(`${lang} ${id}: ${out}`);
    }
  }
  assert.deepEqual(bad, []);
});

test('no zh-cn entry is its English text unless listed as intentionally identical, and the list is not stale', () => {
  const same = Object.keys(en).filter((id) => zhCn[id] === en[id]);
  assert.deepEqual(same.sort(), Object.keys(INTENTIONALLY_IDENTICAL).sort());
  const notChinese = Object.keys(zhCn).filter((id) => !(id in INTENTIONALLY_IDENTICAL) && !CJK.test(zhCn[id]));
  assert.deepEqual(notChinese, [], 'every translated entry holds Chinese text');
});

test('zh-cn keeps field names, kinds, rule ids, files and commands as they are', () => {
  // Identifiers in backticks are code: each must appear unchanged in the translation.
  const bad: string[] = [];
  for (const [id, text] of Object.entries(en)) {
    // <metavariables> inside code are words for the reader (`# dockyard-ignore {rule}: <reason>` → `<理由>`).
    const metavariable = (s: string) => s.replace(/<[^<>]+>/g, '<>');
    for (const m of text.matchAll(/`([^`]+)`/g)) if (!metavariable(zhCn[id]).includes(metavariable(m[1]))) bad.push(`${id}: ${m[1]}`);
  }
  assert.deepEqual(bad, []);
  assert.match(zhCn['rule.host-path-volume.fix'], /`hostPath:`/);
  assert.match(zhCn['loci.arg.PROFILES'], /bindep\/pydep profile/);
  assert.match(zhCn['rule.bindep-syntax.summary'], /bindep\.txt \/ pydep\.txt/);
});

test('glossary: wherever the English uses a term in prose, the Chinese uses its glossary term', () => {
  const bad: string[] = [];
  for (const term of GLOSSARY) {
    let used = 0;
    for (const [id, english] of Object.entries(en)) {
      if (!usesTerm(term, english)) continue;
      used++;
      if (term.except?.includes(id)) continue;
      if (!zhCn[id].includes(term.zh)) bad.push(`${term.en} → ${term.zh}: ${id}: ${zhCn[id]}`);
    }
    assert.ok(used > 0, `glossary term ${term.en} is used nowhere`);
    for (const id of term.except ?? []) assert.ok(usesTerm(term, en[id] ?? ''), `glossary exception ${id} for ${term.en} is stale`);
  }
  assert.deepEqual(bad, []);
  for (const term of ['特权容器', '镜像层', '安全上下文', '挂载', '只读根文件系统', '主机路径卷', '服务账号', '构建参数']) {
    assert.ok(GLOSSARY.some((g) => g.zh === term), `${term} is in the glossary`);
  }
});

test('glossary prose skips code, placeholders, flags, paths and identifiers', () => {
  assert.equal(prose('Set `securityContext.privileged` on {container} with --mount=type=cache and /var/lib/mounts').trim().replace(/\s+/g, ' '), 'Set on with and');
  const mount = GLOSSARY.find((g) => g.zh === '挂载')!;
  assert.equal(usesTerm(mount, 'RUN --mount=type=secret'), false);
  assert.equal(usesTerm(mount, 'a volumeMount entry'), false);
  assert.equal(usesTerm(mount, 'Mounts made in the container'), true);
});

test('every package.json %key% resolves in package.nls.json and package.nls.zh-cn.json, which npm run docs keeps current', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));
  const keys = nlsKeys(pkg);
  assert.ok(keys.length >= 30, `${keys.length} keys`);
  for (const k of keys) {
    assert.equal(typeof base[k], 'string', `package.nls.json: ${k}`);
    assert.equal(typeof zh[k], 'string', `package.nls.zh-cn.json: ${k}`);
  }
  assert.deepEqual(base, nlsBundle(pkg, 'en'), 'package.nls.json is stale: run `npm run docs`');
  assert.deepEqual(zh, nlsBundle(pkg, 'zh-cn'), 'package.nls.zh-cn.json is stale: run `npm run docs`');
  // What the manifest contributes is localised, not written in English in package.json.
  for (const c of pkg.contributes.commands) {
    assert.match(c.title, /^%manifest\.command\.[\w]+%$/, c.command);
    assert.equal(c.category, '%manifest.category%');
  }
  for (const [key, p] of Object.entries(pkg.contributes.configuration.properties as Record<string, { markdownDescription: string; enumDescriptions?: string[] }>)) {
    assert.equal(p.markdownDescription, `%setting.${key.replace(/^dockyard\./, '')}%`);
    for (const d of p.enumDescriptions ?? []) assert.match(d, /^%setting\.[\w.]+%$/);
  }
  assert.match(pkg.displayName, /^%.+%$/);
  assert.equal(zh['manifest.command.lintWorkspace'], '检查工作区');
  assert.equal(base['manifest.command.lintWorkspace'], 'Lint workspace');
});

test('the .vsix ships both package.nls files and docs/rules.zh-cn.md', () => {
  const ignore = fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8');
  for (const f of ['package.nls.json', 'package.nls.zh-cn.json', 'docs/rules.zh-cn.md']) assert.match(ignore, new RegExp(`^!${f.replace(/\./g, '\\.')}$`, 'm'), f);
});

test('a %key% that is not in the catalog stops npm run docs', () => {
  assert.throws(() => nlsBundle({ contributes: { commands: [{ title: '%manifest.command.nope%' }] } }, 'en'), /manifest\.command\.nope/);
});

test('docs/rules.zh-cn.md is generated beside docs/rules.md and up to date (npm run docs)', () => {
  const onDisk = fs.readFileSync(path.join(ROOT, 'docs/rules.zh-cn.md'), 'utf8');
  assert.equal(onDisk, rulesMarkdown(createRegistry().all(), 'zh-cn'), 'docs/rules.zh-cn.md is stale: run `npm run docs`');
  assert.match(onDisk, /^# Dockyard 规则\n/);
  assert.match(onDisk, /### privileged-container\n\n容器以特权模式运行/);
});

test('plurals per language: English picks one/other, Chinese has one form', () => {
  assert.equal(t('rule.add-instead-of-copy.message', { count: 1 }), 'ADD of local file or folder: use COPY.');
  assert.equal(t('rule.add-instead-of-copy.message', { count: 3 }), 'ADD of local files or folders: use COPY.');
  assert.equal(t('rule.add-instead-of-copy.message', { count: 1 }, 'zh-cn'), '用 ADD 添加本地文件或文件夹：请使用 COPY。');
  assert.equal(t('cli.fix.reviewLeft', { count: 1 }), '1 fix needs review and was not applied (--unsafe applies them)');
  assert.equal(t('cli.fix.reviewLeft', { count: 2 }, 'zh-cn'), '2 处修复需要人工审阅，未被应用（--unsafe 会应用它们）');
  assert.equal(t('cli.summary', { files: 2, errors: 1, warnings: 0, infos: 5 }, 'zh-cn'), '2 个文件，1 个错误，0 个警告，5 条提示');
  assert.equal(t('loci.hover.profiles.failed', { count: 1 }), '1 bindep/pydep file fails to parse; loci ignores the failure and installs nothing from it.');
  assert.equal(t('scaffold.ui.overwriteQuestion', { count: 2, folder: '/w' }), '2 of these files already exist in /w. Overwrite them?');
  assert.equal(t('scaffold.ui.overwriteQuestion', { count: 2, folder: '/w' }, 'zh-cn'), '其中 2 个文件已存在于 /w。是否覆盖？');
  assert.equal(template('rule.privileged-container.message', 'zh-cn'), '容器“{container}”以特权模式运行（securityContext.privileged: true）。');
});
