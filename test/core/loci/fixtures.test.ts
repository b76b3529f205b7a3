import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { hover } from '../../../server/src/core/features';
import { dockerfileBuilds, shellBuilds, yamlBuilds } from '../../../server/src/core/loci/sources';
import { format } from '../../../server/src/core/messages/catalog';
import { ROOT } from '../../lsp/client';
import { argValueAt, FORMS, render, type Form } from './forms';

const FIX = path.join(ROOT, 'test/fixtures/loci');
const words = (s: string) => s.split(' ');

function lintAll(file: string): { text: string; findings: string[]; analyzer: Analyzer } {
  const text = fs.readFileSync(file, 'utf8');
  const analyzer = new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
  const findings = analyzer.analyze({ path: file, text }, mergeConfig()).findings.map((f) => `${f.rule} ${f.range.start.line + 1}:${f.range.start.character + 1} ${format(f.message)}`);
  return { text, findings, analyzer };
}

describe('correct cinder and glance builds of 2025.2 on noble, written each of the four ways: zero findings (every rule)', () => {
  const cases: [string, number][] = [
    ['cinder/Dockerfile', 1],
    ['glance/Dockerfile', 1],
    ['Dockerfile.base', 1],
    ['compose.yaml', 3],
    ['.github/workflows/images.yaml', 2],
    ['build.sh', 4],
  ];
  for (const [rel, builds] of cases) {
    test(rel, () => {
      const file = path.join(FIX, rel);
      const { text, findings, analyzer } = lintAll(file);
      assert.deepEqual(findings, []);
      // …and the builds were really found (zero findings must not mean "nothing read").
      let found = 0;
      if (rel.endsWith('Dockerfile') || rel.endsWith('.base')) found = dockerfileBuilds(analyzer.dockerfileFor(file, text), file).length;
      else if (rel.endsWith('.yaml')) found = analyzer.yamlFor(file, text).states.reduce((n, s) => n + yamlBuilds(s.model).length, 0);
      else found = shellBuilds(text).length;
      assert.equal(found, builds);
    });
  }
});

describe('the example workspace (examples/loci) is meant to be correct', () => {
  for (const rel of ['examples/build.sh', 'examples/compose.build.yaml']) {
    test(`${rel} (copied from main's examples/loci)`, () => {
      assert.deepEqual(lintAll(path.join(FIX, rel)).findings, []);
    });
  }
  test('the fixture copies are identical to the example workspace when it is present', () => {
    for (const name of ['build.sh', 'compose.build.yaml']) {
      const ex = path.join(ROOT, 'examples/loci', name);
      if (fs.existsSync(ex)) assert.equal(fs.readFileSync(path.join(FIX, 'examples', name), 'utf8'), fs.readFileSync(ex, 'utf8'), name);
    }
  });
});

/** The PROFILES hover of a build, parsed back into its apt and pip lists. */
function profilesHover(form: Form, profiles: string, project: string, extra: Record<string, string> = {}) {
  const { path: p, text } = render(form, { args: { PROJECT: project, PROFILES: profiles, ...extra } });
  const analyzer = new Analyzer(createRegistry());
  const [line, col] = argValueAt(text, form, 'PROFILES', profiles.split(' ').pop()!);
  const h = hover({ path: p, text, config: mergeConfig(), analyzer, lang: 'en' }, { line, character: col + 1 });
  assert.ok(h, `${form}: no hover`);
  const apt = /apt \(bindep\.txt\): `([^`]*)`/.exec(h.markdown)?.[1];
  const pip = /pip \(pydep\.txt\): `([^`]*)`/.exec(h.markdown)?.[1];
  return { markdown: h.markdown, apt: apt?.split(' '), pip: pip?.split(' '), range: h.range };
}

describe('resolved package lists of loci CI builds through hover (REFERENCE §2.4)', () => {
  for (const form of FORMS) {
    test(`${form}: cinder PROFILES='fluent lvm ceph qemu apache'`, () => {
      const h = profilesHover(form, 'fluent lvm ceph qemu apache', 'cinder', { DIST_PACKAGES: 'open-iscsi multipath-tools', PIP_PACKAGES: 'python-swiftclient' });
      assert.deepEqual(h.apt, words('apache2 ceph-common libapache2-mod-wsgi-py3 libpcre3 libxml2 lvm2 python3-rados python3-rbd qemu-utils tgt thin-provisioning-tools'));
      assert.deepEqual(h.pip, words('fluent-logger pymysql python-memcached uwsgi'));
      assert.match(h.markdown, /plus DIST_PACKAGES: `open-iscsi multipath-tools`/);
      assert.match(h.markdown, /plus PIP_PACKAGES: `python-swiftclient`/);
      assert.match(h.markdown, /`apache` adds apt `apache2 libapache2-mod-wsgi-py3`, pip \(none\)\./);
      assert.match(h.markdown, /\*\*cinder\*\* build on \*\*noble\*\*/);
    });
    test(`${form}: glance CI PROFILES='fluent ceph qemu-utils' — qemu-utils adds nothing, qemu adds qemu-utils`, () => {
      const h = profilesHover(form, 'fluent ceph qemu-utils', 'glance');
      assert.deepEqual(h.apt, words('ceph-common libpcre3 libxml2 python3-rados python3-rbd'));
      assert.deepEqual(h.pip, words('fluent-logger pymysql python-memcached uwsgi'));
      assert.match(h.markdown, /`qemu-utils` adds nothing to this build\./);
      const fixed = profilesHover(form, 'fluent ceph qemu', 'glance');
      assert.deepEqual(fixed.apt, words('ceph-common libpcre3 libxml2 python3-rados python3-rbd qemu-utils'));
    });
  }
  test('README cinder PROFILES="lvm ceph"', () => {
    const h = profilesHover('shell', 'lvm ceph', 'cinder');
    assert.deepEqual(h.apt, words('ceph-common libpcre3 libxml2 lvm2 python3-rados python3-rbd tgt thin-provisioning-tools'));
  });
});
