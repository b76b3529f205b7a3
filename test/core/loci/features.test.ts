import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { completion, hover } from '../../../server/src/core/features';
import { LOCI_BINDEP_TXT } from '../../../server/src/core/loci/data';
import type { Position } from '../../../server/src/core/types';
import { argNameAt, FORMS, render, type Form } from './forms';

const analyzer = new Analyzer(createRegistry());
const ctx = (path: string, text: string) => ({ path, text, config: mergeConfig(), analyzer, lang: 'en' as const });

/** Text with a `¦` cursor marker: the text without it and the position. */
function cursor(withBar: string): { text: string; pos: Position } {
  const i = withBar.indexOf('¦');
  const before = withBar.slice(0, i);
  const line = before.split('\n').length - 1;
  return { text: withBar.slice(0, i) + withBar.slice(i + 1), pos: { line, character: i - (before.lastIndexOf('\n') + 1) } };
}

/** A build of `project` in `form` whose PROFILES value is being typed: `typed` then the cursor. */
function typing(form: Form, project: string, name: string, typed: string): { path: string; text: string; pos: Position } {
  const marker = 'MARKERVALUE';
  const { path, text } = render(form, { args: { PROJECT: project, [name]: marker } });
  // Replace the whole rendered value (with any quotes the form added) by the typed text.
  const quoted = new RegExp(`(["']?)${marker}\\1`);
  const m = quoted.exec(text)!;
  const open = form === 'shell' || form === 'dockerfile' || form === 'ansible' ? "'" : '';
  const c = cursor(text.slice(0, m.index) + open + typed + '¦' + open + text.slice(m.index + m[0].length));
  return { path, ...c };
}

describe('completion', () => {
  for (const form of FORMS) {
    test(`${form}: PROFILES offers only what does something for glance, with what it installs`, () => {
      const { path, text, pos } = typing(form, 'glance', 'PROFILES', 'fluent ');
      const items = completion(ctx(path, text), pos);
      assert.deepEqual(items.map((i) => i.label), ['apache', 'ceph', 'nginx', 'qemu']);
      const qemu = items.find((i) => i.label === 'qemu')!;
      assert.equal(qemu.detail, 'apt `qemu-utils`, pip (none)');
      assert.deepEqual(qemu.range, { start: pos, end: pos });
    });
    test(`${form}: a partial PROFILES token is replaced`, () => {
      const { path, text, pos } = typing(form, 'keystone', 'PROFILES', 'apache me');
      const items = completion(ctx(path, text), pos);
      const mellon = items.find((i) => i.label === 'mellon')!;
      assert.equal(mellon.detail, 'with apache: apt `libapache2-mod-auth-mellon`, pip (none)');
      assert.deepEqual(mellon.range, { start: { line: pos.line, character: pos.character - 2 }, end: pos });
      assert.ok(!items.some((i) => i.label === 'apache'), 'tokens already given are not offered again');
    });
    test(`${form}: PROJECT values`, () => {
      const t = typing(form, 'glance', 'PROJECT', 'gl');
      const items = completion(ctx(t.path, t.text), t.pos);
      assert.ok(items.some((i) => i.label === 'glance' && i.kind === 'value' && i.detail === 'OpenStack project built by loci CI'));
      assert.ok(items.some((i) => i.label === 'requirements'));
      assert.deepEqual(items.find((i) => i.label === 'glance')!.range, { start: { line: t.pos.line, character: t.pos.character - 2 }, end: t.pos });
    });
  }

  test('shell: ARG names after --build-arg (those already given are left out)', () => {
    const { text, pos } = cursor('#!/bin/sh\ndocker build . --build-arg PROJECT=cinder --build-arg PROF¦\n');
    const items = completion(ctx('/ws/b.sh', text), pos);
    const p = items.find((i) => i.label === 'PROFILES')!;
    assert.equal(p.insertText, 'PROFILES=');
    assert.deepEqual(p.range, { start: { line: 1, character: pos.character - 4 }, end: pos });
    assert.match(p.documentation!, /Space-separated bindep\/pydep profiles/);
    assert.ok(!items.some((i) => i.label === 'PROJECT'));
    assert.ok(!items.some((i) => i.label === 'REGISTRY_PROTOCOL'), 'unused ARGs are not offered');
  });
  test('compose: ARG names as keys under args:, KEEP_ALL_WHEELS values', () => {
    let c = cursor('services:\n  cinder:\n    build:\n      context: ../loci\n      args:\n        PROJECT: cinder\n        KEEP¦\n');
    let items = completion(ctx('/ws/compose.yaml', c.text), c.pos);
    assert.equal(items.find((i) => i.label === 'KEEP_ALL_WHEELS')?.insertText, 'KEEP_ALL_WHEELS: ');
    c = cursor('services:\n  cinder:\n    build:\n      context: ../loci\n      args:\n        PROJECT: cinder\n        KEEP_ALL_WHEELS: ¦\n');
    items = completion(ctx('/ws/compose.yaml', c.text), c.pos);
    assert.deepEqual(items.map((i) => i.label), ['False', 'True']);
  });
  test('workflow: names and PROJECT_REF values inside build-args', () => {
    let c = cursor('jobs:\n  j:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          build-args: |\n            PROJECT=cinder\n            PROJECT_R¦\n');
    let items = completion(ctx('/ws/.github/workflows/x.yaml', c.text), c.pos);
    assert.deepEqual(items.filter((i) => i.label.startsWith('PROJECT_R')).map((i) => i.insertText), ['PROJECT_REPO=', 'PROJECT_REF=', 'PROJECT_RELEASE=']);
    c = cursor('jobs:\n  j:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          build-args: |\n            PROJECT=cinder\n            PROJECT_REF=¦\n');
    items = completion(ctx('/ws/.github/workflows/x.yaml', c.text), c.pos);
    assert.deepEqual(items.map((i) => i.label), ['stable/2025.1', 'stable/2025.2', 'master']);
  });
  test('dockerfile: ARG names only in loci Dockerfiles', () => {
    const loci = render('dockerfile');
    const c = cursor(loci.text.replace('COPY scripts', 'ARG KEEP¦\nCOPY scripts'));
    assert.ok(completion(ctx(loci.path, c.text), c.pos).some((i) => i.label === 'KEEP_ALL_WHEELS'));
    const other = cursor('FROM node:20\nARG KEEP¦\n');
    assert.deepEqual(completion(ctx('/ws/app/Dockerfile', other.text), other.pos), []);
  });
  test('no completion outside loci build arguments', () => {
    const c = cursor('#!/bin/sh\necho --build-arg\nls ¦\n');
    assert.deepEqual(completion(ctx('/ws/b.sh', c.text), c.pos), []);
  });
});

describe('hover', () => {
  for (const form of FORMS) {
    test(`${form}: an ARG name shows what it does and its default`, () => {
      const { path, text } = render(form, { args: { KEEP_ALL_WHEELS: 'yes' } });
      const [line, col, , end] = argNameAt(text, form, 'KEEP_ALL_WHEELS');
      const h = hover(ctx(path, text), { line, character: col + 2 });
      assert.ok(h);
      assert.equal(h.markdown, [
        '**KEEP_ALL_WHEELS** — loci build argument (Dockerfile)',
        'Only the exact string "False" means false; false, no and 0 all act as true. When true the requirements build keeps every wheel and the project build installs with --no-index.',
        'Default: `False`',
      ].join('\n\n'));
      assert.deepEqual(h.range, { start: { line, character: col }, end: { line, character: end } });
    });
  }
  test('Dockerfile.base arguments have their own descriptions', () => {
    const text = '#!/bin/sh\ndocker build -f Dockerfile.base --build-arg CEPH_REPO= --build-arg FROM=ubuntu:noble .\n';
    const h = hover(ctx('/ws/b.sh', text), { line: 1, character: text.split('\n')[1].indexOf('CEPH_REPO') + 1 });
    assert.match(h!.markdown, /^\*\*CEPH_REPO\*\* — loci build argument \(Dockerfile\.base\)/);
  });
  test('PROFILES without a static PROJECT says the packages cannot be resolved', () => {
    const text = '#!/bin/sh\ndocker build . --build-arg PROJECT="$P" --build-arg PROFILES=fluent\n';
    const h = hover(ctx('/ws/b.sh', text), { line: 1, character: text.split('\n')[1].indexOf('fluent') + 1 });
    assert.equal(h!.markdown, '**PROFILES**: PROJECT is not known here, so the packages cannot be resolved.');
  });
  test('bindep selector: what ceph pairs with and selects in loci\'s bindep.txt', () => {
    const line = LOCI_BINDEP_TXT.split('\n').findIndex((l) => l.startsWith('ceph-common'));
    const col = LOCI_BINDEP_TXT.split('\n')[line].indexOf('(ceph cinder)') + 2;
    const h = hover(ctx('/ws/loci/bindep.txt', LOCI_BINDEP_TXT), { line, character: col });
    assert.ok(h);
    assert.equal(h.markdown.split('\n\n')[0], '**ceph** — profile');
    assert.equal(h.markdown.split('\n\n')[1], 'Pairs with: cinder, glance, manila, nova');
    assert.match(h.markdown, /Together with `cinder` selects: `ceph-common python3-rados python3-rbd`/);
    assert.deepEqual(h.range, { start: { line, character: col - 1 }, end: { line, character: col + 3 } });
  });
  test('bindep selector: a project token and a platform token', () => {
    const lines = LOCI_BINDEP_TXT.split('\n');
    const line = lines.findIndex((l) => l.startsWith('libvirt0'));
    const h = hover(ctx('/ws/loci/bindep.txt', LOCI_BINDEP_TXT), { line, character: lines[line].indexOf('nova') + 1 });
    assert.equal(h!.markdown.split('\n\n')[0], '**nova** — project');
    assert.match(h!.markdown, /On its own selects: `iproute2 libosinfo-bin libvirt0`/);
    const p = hover(ctx('/ws/loci/bindep.txt', LOCI_BINDEP_TXT), { line, character: lines[line].indexOf('platform:dpkg') + 3 });
    assert.equal(p!.markdown.split('\n\n')[0], '**platform:dpkg** — platform');
  });
});
