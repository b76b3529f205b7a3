import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerWith, lint, only } from '../../../../../test/helpers';
import { parseBindep } from '../../loci/bindep';
import { LOCI_PYDEP_TXT } from '../../loci/data';
import { hover } from '../../features';
import { mergeConfig } from '../../config/config';
import { argNameAt, argValueAt, at, FORMS, INVOCATIONS, lintForm, render, ruleFindings } from '../../../../../test/core/loci/forms';

const RULE = 'loci-base-image';

describe('loci-base-image: R16 raw distribution images', () => {
  for (const form of FORMS) {
    test(`${form}: FROM=ubuntu:jammy / public.ecr.aws/ubuntu/ubuntu:noble on a project build`, () => {
      for (const img of ['ubuntu:jammy', 'public.ecr.aws/ubuntu/ubuntu:noble', 'docker.io/library/ubuntu:24.04']) {
        const r = lintForm(form, { args: { FROM: img } });
        assert.deepEqual(ruleFindings(r.findings, RULE), [{ range: argValueAt(r.text, form, 'FROM', img), id: 'rule.loci-base-image.rawImage', severity: 'warning', args: { image: img } }], img);
      }
    });
    test(`${form}: a loci base image is fine`, () => {
      assert.deepEqual(only(lintForm(form).findings, RULE), []);
      assert.deepEqual(only(lintForm(form, { args: { FROM: 'registry.local/openstack/base:2025.2-ubuntu_noble' } }).findings, RULE), []);
    });
    test(`${form}: R17 a non-apt distribution is an error; Debian a warning`, () => {
      let r = lintForm(form, { args: { FROM: 'rockylinux:9' } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [{ range: argValueAt(r.text, form, 'FROM', 'rockylinux:9'), id: 'rule.loci-base-image.unsupported', severity: 'error', args: { distro: 'rocky', supported: 'ubuntu' } }]);
      r = lintForm(form, { args: { FROM: 'debian:bookworm' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.id, x.severity]), [['rule.loci-base-image.debian', 'warning']]);
      r = lintForm(form, { args: { FROM: 'registry.local/base:2025.2-rocky9' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.id, x.args?.distro]), [['rule.loci-base-image.unsupported', 'rocky']]);
    });
  }
  for (const form of INVOCATIONS) {
    test(`${form}: FROM not passed starts from the default ubuntu:jammy`, () => {
      const r = lintForm(form, { args: { FROM: null } });
      const anchor = { compose: 'cinder', workflow: 'docker/build-push-action@v6', shell: 'docker buildx build', ansible: 'build_args' }[form as 'compose'];
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[at(r.text, anchor), 'rule.loci-base-image.defaultFrom']]);
    });
    test(`${form}: FROM empty is an error on the key`, () => {
      const r = lintForm(form, { args: { FROM: '' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.severity]), [[argNameAt(r.text, form, 'FROM'), 'rule.loci-base-image.empty', 'error']]);
    });
  }
  test("dockerfile: loci's own default ARG FROM=ubuntu:jammy is a raw image (REFERENCE R16)", () => {
    const r = lintForm('dockerfile', { args: { FROM: 'ubuntu:jammy', WHEELS: 'quay.io/airshipit/requirements:master-ubuntu_jammy', PROJECT: null, PROJECT_REF: 'master' } });
    assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argValueAt(r.text, 'dockerfile', 'FROM', 'ubuntu:jammy'), 'rule.loci-base-image.rawImage']]);
  });
});

describe('loci-base-image: Dockerfile.base builds start from a distribution image', () => {
  for (const form of FORMS) {
    test(`${form}: Dockerfile.base FROM ubuntu:noble is right; FROM centos:stream9 is not supported`, () => {
      const spec = { file: 'Dockerfile.base', bare: true, args: { FROM: 'public.ecr.aws/ubuntu/ubuntu:noble', CEPH_REPO: '' } };
      if (form === 'dockerfile') {
        const text = 'ARG FROM=public.ecr.aws/ubuntu/ubuntu:noble\n# dockyard-ignore root-user: built upon, never run\nFROM ${FROM}\nARG CEPH_REPO=""\nARG APT_MIRROR_HOST=""\nCOPY scripts /opt/loci/scripts\nRUN /opt/loci/scripts/base.sh\n';
        assert.deepEqual(lint(text, '/ws/loci/Dockerfile.base'), []);
        const bad = text.replace('public.ecr.aws/ubuntu/ubuntu:noble', 'quay.io/centos/centos:stream9');
        assert.deepEqual(ruleFindings(lint(bad, '/ws/loci/Dockerfile.base'), RULE).map((x) => [x.range, x.id, x.severity]), [[at(bad, 'quay.io/centos/centos:stream9'), 'rule.loci-base-image.unsupported', 'error']]);
        return;
      }
      assert.deepEqual(lintForm(form, spec).findings, []);
      const r = lintForm(form, { ...spec, args: { ...spec.args, FROM: 'quay.io/centos/centos:stream9' } });
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id]), [[argValueAt(r.text, form, 'FROM', 'quay.io/centos/centos:stream9'), 'rule.loci-base-image.unsupported']]);
    });
  }
});

describe('loci-base-image: a fork that supports its own rpm-based distribution', () => {
  const config = { loci: { distributions: ['ubuntu', 'rocky', 'acmeos=rpm,redhat'], baseImagePatterns: ['^registry\\.acme\\.example/loci/base:'] } };
  const forkBindep = parseBindep('libxml2 []\nlibxml2-acme [platform:rpm]\nlibxml2-deb [platform:dpkg]\nceph-common [(ceph cinder)]\nqemu-img [platform:rpm (cinder qemu)]\nqemu-utils [platform:dpkg (cinder qemu)]\n');

  for (const form of FORMS) {
    test(`${form}: the configured distribution and base images are not flagged`, () => {
      const base = form === 'dockerfile'
        ? { path: '/ws/loci/Dockerfile.base', text: 'ARG FROM=rockylinux:9\n# dockyard-ignore root-user: built upon, never run\nFROM ${FROM}\nARG CEPH_REPO=""\nCOPY scripts /opt/loci/scripts\nRUN /opt/loci/scripts/base.sh\n' }
        : render(form, { file: 'Dockerfile.base', bare: true, args: { FROM: 'rockylinux:9', CEPH_REPO: '' } });
      assert.deepEqual(lint(base.text, base.path, config), []);
      assert.deepEqual(ruleFindings(lint(base.text, base.path), RULE).map((x) => x.id), ['rule.loci-base-image.unsupported'], 'without the configuration it is unsupported');
      const project = lintForm(form, { args: { FROM: 'registry.acme.example/loci/base:2025.2-acmeos9', PROFILES: 'fluent ceph' } }, config);
      assert.deepEqual(project.findings, []);
    });
  }

  test('the fork distribution gets its platform atoms: bindep resolves the rpm entries', () => {
    // compose.yaml's build.context ../loci resolves to /loci.
    const analyzer = analyzerWith({ loci: { get: (dir) => (dir === '/loci' ? { bindep: forkBindep, pydep: parseBindep(LOCI_PYDEP_TXT), source: dir } : undefined) } });
    const { path, text } = render('compose', { args: { FROM: 'registry.acme.example/loci/base:2025.2-acmeos9', PROFILES: 'ceph qemu' } });

    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('PROFILES'));
    const h = hover({ path, text, config: mergeConfig(config), analyzer, lang: 'en' }, { line, character: lines[line].indexOf('ceph') });
    assert.ok(h);
    assert.match(h.markdown, /loci data from \/loci\)/);
    assert.match(h.markdown, /apt \(bindep\.txt\): `ceph-common libxml2 libxml2-acme qemu-img`/);
  });
});
