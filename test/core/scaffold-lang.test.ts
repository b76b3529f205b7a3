// Scaffolding with --lang zh-cn (issue #15): the README and every comment (suppression reasons
// included) in Chinese; everything else (YAML, configuration, the build script, Dockerfile
// instructions) the same bytes as in English; the Chinese output lints as cleanly as the English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scaffoldImage, type ImageOptions } from '../../server/src/core/scaffold/image';
import { scaffoldManifests, type ManifestOptions } from '../../server/src/core/scaffold/manifests';
import { runScaffold, type ScaffoldIo } from '../../server/src/cli-scaffold';
import type { ScaffoldFile } from '../../server/src/core/scaffold/types';
import { lintFolder } from '../scaffold-helpers';

const HAN = /[\u4e00-\u9fff]/;
const CASES: [string, () => ScaffoldFile[], () => ScaffoldFile[]][] = [];
for (const o of [
  { service: 'cinder', backend: 'ceph' },
  { service: 'cinder', backend: 'lvm', replicas: 2 },
  { service: 'glance', backend: 'ceph' },
  { service: 'glance', backend: 'file' },
] as ManifestOptions[]) {
  CASES.push([`manifests ${o.service} ${o.backend}`, () => scaffoldManifests(o).files, () => scaffoldManifests(o, 'zh-cn').files]);
}
for (const o of [{ service: 'cinder' }, { service: 'glance', codename: 'jammy' }] as ImageOptions[]) {
  CASES.push([`image ${o.service} ${o.codename ?? 'noble'}`, () => scaffoldImage(o).files, () => scaffoldImage(o, 'zh-cn').files]);
}

/** A comment line of YAML, shell, INI, sudoers or a Dockerfile (whole line, after indentation). */
const isComment = (line: string) => /^\s*#/.test(line);

for (const [name, enFiles, zhFiles] of CASES) {
  test(`${name}: zh-cn changes only the README and comment lines, each into Chinese`, () => {
    const en = enFiles();
    const zh = zhFiles();
    assert.deepEqual(zh.map((f) => [f.path, !!f.executable]), en.map((f) => [f.path, !!f.executable]));
    let translated = 0;
    for (const [i, f] of en.entries()) {
      const z = zh[i].content;
      if (f.path === 'README.md') {
        assert.match(z.split('\n')[0], HAN, 'README title');
        assert.notEqual(z, f.content);
        continue;
      }
      const a = f.content.split('\n');
      const b = z.split('\n');
      // Same code lines in the same order: the YAML, scripts and instructions are the same bytes.
      assert.deepEqual(b.filter((l) => !isComment(l)), a.filter((l) => !isComment(l)), f.path);
      for (const l of b.filter(isComment)) {
        if (a.includes(l)) continue; // `#!/usr/bin/env bash`, `# syntax=…`, commands shown as comments
        translated++;
        assert.match(l, HAN, `${f.path}: ${l}`);
      }
      // Comments written in English have a Chinese line in the same file (nothing left behind).
      for (const l of a.filter(isComment)) {
        if (b.includes(l)) assert.doesNotMatch(l, /[a-z]{3,} [a-z]{3,} [a-z]{3,} [a-z]{3,}/, `${f.path}: English prose left: ${l}`);
      }
    }
    assert.ok(translated > 5, `${translated} translated comment lines`);
  });
}

test('manifests cinder lvm in Chinese: suppressions keep their rules, reasons in Chinese, and lint stays clean', () => {
  const zh = scaffoldManifests({ service: 'cinder', backend: 'lvm' }, 'zh-cn').files;
  const en = scaffoldManifests({ service: 'cinder', backend: 'lvm' }).files;
  const ignores = (files: ScaffoldFile[]) => files.flatMap((f) => [...f.content.matchAll(/# dockyard-ignore ([a-z,-]+): (.*)/g)].map((m) => [m[1], m[2]]));
  assert.deepEqual(ignores(zh).map(([r]) => r), ignores(en).map(([r]) => r));
  for (const [, reason] of ignores(zh)) assert.match(reason, HAN);
  const loud = lintFolder('/ws/zh-lvm', zh).flatMap((f) => f.findings.filter((x) => x.severity === 'error' || x.severity === 'warning').map((x) => `${f.path} ${x.rule}`));
  assert.deepEqual(loud, []);
  const usage = zh.flatMap((f) => lintFolder('/ws/zh-lvm', [f]).flatMap((x) => x.findings.map((y) => y.rule)));
  assert.ok(!usage.includes('suppression-without-reason') && !usage.includes('unknown-rule-in-suppression'));
});

test('dockyard scaffold --lang zh-cn writes the Chinese README; without it English', () => {
  const run = (args: string[]) => {
    const files = new Map<string, string>();
    const out: string[] = [];
    const io: ScaffoldIo = {
      cwd: '/w',
      stdout: (s) => out.push(s),
      stderr: (s) => out.push(s),
      exists: (p) => p === '/w' || p === '/',
      writeFile: (p, s) => void files.set(p, s),
      mkdir: () => undefined,
    };
    const lang = args.includes('zh-cn') ? 'zh-cn' : 'en';
    return { code: runScaffold(args, io, lang), files, out: out.join('') };
  };
  const zh = run(['manifests', 'glance', '--lang', 'zh-cn']);
  assert.equal(zh.code, 0, zh.out);
  assert.match(zh.files.get('/w/glance-manifests/README.md')!, /^# Kubernetes 上的 glance（ceph 后端）\n/);
  assert.equal(zh.files.get('/w/glance-manifests/glance-api.yaml')!.split('\n').filter((l) => !isComment(l)).join('\n'), scaffoldManifests({ service: 'glance' }).files.find((f) => f.path === 'glance-api.yaml')!.content.split('\n').filter((l) => !isComment(l)).join('\n'));
  assert.match(zh.out, /个文件。下一步/);
  const en = run(['manifests', 'glance']);
  assert.match(en.files.get('/w/glance-manifests/README.md')!, /^# glance on Kubernetes \(ceph backend\)\n/);
});
