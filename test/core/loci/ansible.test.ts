import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzerWith, lint, only, r } from '../../helpers';
import { parseBindep } from '../../../server/src/core/loci/bindep';
import type { LociDataProvider } from '../../../server/src/core/loci/provider';
import { argEntry, yamlBuilds } from '../../../server/src/core/loci/sources';
import { YamlDocModel } from '../../../server/src/core/model/yaml';
import { ROOT } from '../../lsp/client';
import { at } from './forms';
import { UNKNOWN } from '../../../server/src/core/loci/value';
import { format } from '../../../server/src/core/messages/catalog';

/** Dockyard's own fixture in the shape of loci's CI (playbooks vars files + zuul.d jobs). */
const FIX = path.join(ROOT, 'test/fixtures/loci/ansible-ci');
const read = (rel: string) => fs.readFileSync(path.join(FIX, rel), 'utf8');

/** A provider over the fixture folder: plain names only, nothing outside FIX; no loci data of its own. */
function fixtureProvider(withList = true): LociDataProvider {
  const inside = (p: string) => p === FIX || p.startsWith(FIX + path.sep);
  const p: LociDataProvider = {
    get: () => undefined,
    readText(dir, rel) {
      const f = path.resolve(dir, rel);
      return inside(f) && fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : undefined;
    },
  };
  if (withList) p.listFiles = (dir) => (inside(path.resolve(dir)) && fs.existsSync(dir) ? fs.readdirSync(dir) : undefined);
  return p;
}

describe('loci builds in Ansible / Zuul build definitions', () => {
  test('build_args items: the shell quotes are removed, value ranges are exact', () => {
    const text = read('playbooks/images.yaml');
    const [glance, cinder] = yamlBuilds(new YamlDocModel(text), '');
    assert.equal(glance.source, 'ansible');
    assert.equal(glance.label, 'glance_image');
    const p = argEntry(glance, 'PROFILES')!;
    assert.equal(p.value!.text, 'fluent ceph qemu-utils');
    assert.equal(text.slice(p.value!.start, p.value!.end), 'fluent ceph qemu-utils');
    assert.equal(argEntry(glance, 'PROJECT')!.value!.text, 'glance');
    assert.equal(glance.target?.value.text, 'project');
    // Without a provider `{{ openstack_release }}` stays unknown (never judged).
    assert.equal(argEntry(glance, 'PROJECT_REF')!.value!.text, UNKNOWN);
    assert.equal(glance.lines.text.slice(argEntry(glance, 'PROJECT_REF')!.value!.start, argEntry(glance, 'PROJECT_REF')!.value!.end), '{{ openstack_release }}');
    // `{{ extra_packages | default("") }}` is not a bare variable: unknown.
    assert.equal(argEntry(cinder, 'DIST_PACKAGES')!.value!.text, UNKNOWN);
  });

  test("glance's `qemu-utils` profile matches nothing: loci-unknown-profile on the token, suggesting qemu", () => {
    const text = read('playbooks/images.yaml');
    const f = only(lint(text, path.join(FIX, 'playbooks/images.yaml')), 'loci-unknown-profile');
    assert.deepEqual(f.map((x) => [r(x), x.message.id, x.message.args?.suggestion]), [[at(text, 'qemu-utils'), 'rule.loci-unknown-profile.unknownSuggest', 'qemu']]);
  });

  test('{{ var }} resolves from the sibling vars files (the newest release wins) and the finding names the file', () => {
    const a = analyzerWith({ loci: fixtureProvider() });
    const file = path.join(FIX, 'playbooks/images.yaml');
    const text = read('playbooks/images.yaml');
    const [glance] = yamlBuilds(new YamlDocModel(text), file, a.providers);
    assert.equal(argEntry(glance, 'PROJECT_REF')!.value!.text, 'stable/2025.2');
    assert.equal(argEntry(glance, 'FROM')!.value!.text, 'registry.example.com/cloud/base:2025.2-ubuntu_noble_loci');
    assert.equal(argEntry(glance, 'WHEELS')!.value!.text, 'registry.example.com/cloud/requirements:2025.2-ubuntu_noble_loci');
    const res = glance.resolved!.find((x) => x.name === 'openstack_release')!;
    assert.equal(res.file, path.join(FIX, 'playbooks/vars_2025.2_noble.yaml'));
    assert.deepEqual(res.range, { start: { line: 1, character: 19 }, end: { line: 1, character: 34 } }); // the quoted scalar
    // The resolved build is judged as a whole: the only finding left is the qemu-utils token.
    const all = lint(text, file, undefined, a).filter((x) => x.rule.startsWith('loci-'));
    assert.deepEqual(all.map((x) => [x.rule, r(x)]), [['loci-unknown-profile', at(text, 'qemu-utils')]]);
  });

  test('Zuul job vars and the vars files the job lists; a template inside PROFILES is judged with its source named', () => {
    const a = analyzerWith({ loci: fixtureProvider(false) });
    const file = path.join(FIX, 'zuul.d/jobs.yaml');
    const text = read('zuul.d/jobs.yaml');
    const [ks] = yamlBuilds(new YamlDocModel(text), file, a.providers);
    assert.equal(ks.label, 'keystone_image');
    assert.equal(argEntry(ks, 'PROJECT_REF')!.value!.text, 'stable/2025.2');
    assert.equal(argEntry(ks, 'PROFILES')!.value!.text, 'apache ldap stable/2025.2');
    const f = only(lint(text, file, undefined, a), 'loci-unknown-profile');
    // `stable/2025.2` can never match a profile (R2): reported on the `{{ openstack_release }}` expression,
    // with related information at the definition in vars_2025.2_noble.yaml.
    const expr = '{{ openstack_release }}';
    const i = text.indexOf(expr, text.indexOf('PROFILES'));
    const line = text.slice(0, i).split('\n').length - 1;
    const col = i - text.lastIndexOf('\n', i) - 1;
    assert.deepEqual(f.map((x) => r(x)), [[line, col, line, col + expr.length]]);
    assert.deepEqual(f[0].related?.map((x) => [x.path, x.range.start.line, x.message.id, x.message.args]), [
      [path.join(FIX, 'playbooks/vars_2025.2_noble.yaml'), 1, 'loci.resolvedFrom', { name: 'openstack_release', value: 'stable/2025.2', file: 'vars_2025.2_noble.yaml' }],
    ]);
  });

  test('a finding on a resolved {{ var }} names the vars file in its message, and the other release files that set it otherwise', () => {
    const a = analyzerWith({ loci: fixtureProvider() });
    const file = path.join(FIX, 'playbooks/keystone.yaml'); // not on disk: the text is given, the sibling vars files are read
    const text = ['keystone_image:', '  dockerfile: "Dockerfile"', '  target: "project"', '  build_args:', '    - "PROJECT=keystone"', '    - "PROJECT_REF={{ openstack_release }}"', '    - "PROFILES=\'apache {{ openstack_release }}\'"', ''].join('\n');
    const f = only(lint(text, file, undefined, a), 'loci-unknown-profile');
    const expr = '{{ openstack_release }}';
    const col = text.split('\n')[6].indexOf(expr);
    assert.deepEqual(f.map((x) => [r(x), format(x.message)]), [
      [
        [6, col, 6, col + expr.length],
        'Profile "stable/2025.2" contains "/": bindep profiles are [a-z0-9:.-]+, so it can never match. openstack_release is "stable/2025.2" here, from vars_2025.2_noble.yaml; other vars files set it otherwise: vars_2025.1_noble.yaml ("stable/2025.1").',
      ],
    ]);
  });

  test('a provider without readText is read through its bounded `extra` reader', () => {
    const p = fixtureProvider(false);
    const readText = p.readText!;
    const a = analyzerWith({ loci: { get: () => undefined, extra: (dir, rel, from) => { const t = readText(dir, rel, from); return t === undefined ? undefined : parseBindep(t); } } });
    const file = path.join(FIX, 'zuul.d/jobs.yaml');
    const [ks] = yamlBuilds(new YamlDocModel(read('zuul.d/jobs.yaml')), file, a.providers);
    assert.equal(argEntry(ks, 'PROJECT_REF')!.value!.text, 'stable/2025.2');
  });

  test('vars files are read by plain name inside the repository only', () => {
    const asked: string[] = [];
    const a = analyzerWith({ loci: { get: () => undefined, readText: (dir, rel) => (asked.push(path.join(dir, rel)), undefined), listFiles: () => ['vars_x.yaml', '../vars_up.yaml', 'vars_a/b.yaml'] } });
    const text = '- job:\n    name: j\n    vars:\n      vars_files: ["../../etc/passwd", "/etc/vars.yaml", "vars_ok.yaml"]\n      x:\n        build_args: ["PROJECT=cinder", "PROJECT_REF={{ r }}"]\n';
    yamlBuilds(new YamlDocModel(text), '/repo/zuul.d/jobs.yaml', a.providers);
    assert.deepEqual(asked.sort(), ['/repo/playbooks/vars_ok.yaml', '/repo/zuul.d/vars_ok.yaml', '/repo/zuul.d/vars_x.yaml']);
  });

  test('Kubernetes documents and plain YAML without build_args have no builds', () => {
    assert.deepEqual(yamlBuilds(new YamlDocModel('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  build_args: "PROJECT=cinder"\n'), ''), []);
    assert.deepEqual(yamlBuilds(new YamlDocModel('images:\n  - name: x\n    args: ["PROJECT=cinder"]\n'), ''), []);
  });
});
