import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllDocuments, parseDocument } from 'yaml';
import { scaffoldImage, validateImageOptions, imageRefs, type ImageOptions } from '../../server/src/core/scaffold/image';
import { scaffoldManifests, validateManifestOptions, type ManifestOptions } from '../../server/src/core/scaffold/manifests';
import { DEFAULT_PROFILES, SERVICE_PROFILES, effectiveProfiles } from '../../server/src/core/scaffold/profiles';
import { ScaffoldOptionsError, type ScaffoldFile } from '../../server/src/core/scaffold/types';
import { checkProfiles, splitProfiles } from '../../server/src/core/scaffold/validate';
import { t } from '../../server/src/core/messages/catalog';
import { goldenMismatches, lintFolder, rangeText, fullRegistry } from '../scaffold-helpers';

const MANIFEST_CASES: [string, ManifestOptions][] = [
  ['cinder-ceph', { service: 'cinder', backend: 'ceph' }],
  ['cinder-lvm', { service: 'cinder', backend: 'lvm' }],
  ['glance-ceph', { service: 'glance', backend: 'ceph' }],
  ['glance-file', { service: 'glance', backend: 'file' }],
];
const IMAGE_CASES: [string, ImageOptions][] = [
  ['cinder-image', { service: 'cinder' }],
  ['glance-image', { service: 'glance' }],
];

function file(files: ScaffoldFile[], path: string): string {
  const f = files.find((x) => x.path === path);
  assert.ok(f, `no file ${path} in ${files.map((x) => x.path).join(', ')}`);
  return f.content;
}

// ---------------------------------------------------------------------------------------------
// Golden files

for (const [name, o] of [...MANIFEST_CASES, ...IMAGE_CASES]) {
  test(`golden: ${name} is byte-for-byte test/fixtures/scaffold/${name}/`, () => {
    const files = 'backend' in o ? scaffoldManifests(o as ManifestOptions).files : scaffoldImage(o as ImageOptions).files;
    assert.deepEqual(goldenMismatches(name, files), []);
  });
}

test('deterministic: the same options give the same bytes, and option objects are not mutated', () => {
  const o: ImageOptions = { service: 'cinder', profiles: ['ceph', 'lvm'] };
  const copy = structuredClone(o);
  assert.deepEqual(scaffoldImage(o), scaffoldImage(o));
  assert.deepEqual(o, copy);
  for (const [, m] of MANIFEST_CASES) assert.deepEqual(scaffoldManifests(m), scaffoldManifests(structuredClone(m)));
});

// ---------------------------------------------------------------------------------------------
// Lint: the output passes `dockyard lint` at default settings (pss restricted)

const EXTERNAL: Record<string, string[]> = {
  'cinder-ceph': ['cinder-credentials', 'cinder-ceph'],
  'cinder-lvm': ['cinder-credentials'],
  'glance-ceph': ['glance-credentials', 'glance-ceph'],
  'glance-file': ['glance-credentials'],
};

for (const [name, o] of MANIFEST_CASES) {
  test(`lint: ${name} has no error or warning; information only for the Secrets created outside (missing-reference)`, () => {
    const linted = lintFolder(`/ws/${name}`, scaffoldManifests(o).files);
    const loud = linted.flatMap((f) => f.findings.filter((x) => x.severity === 'error' || x.severity === 'warning').map((x) => `${f.path}:${x.range.start.line + 1} ${x.rule} ${t(x.message.id, x.message.args)}`));
    assert.deepEqual(loud, []);
    for (const f of linted) {
      for (const x of f.findings) {
        assert.equal(x.rule, 'missing-reference', `${f.path}:${x.range.start.line + 1} ${x.rule} ${t(x.message.id, x.message.args)}`);
        const covered = rangeText(f.text, x);
        assert.ok(EXTERNAL[name].some((s) => covered.includes(s)), `missing-reference to something generated: ${covered}`);
      }
    }
  });
}

test('lint: the LVM suppressions are used and only the LVM output has any', () => {
  for (const [name, o] of MANIFEST_CASES) {
    const text = scaffoldManifests(o).files.map((f) => f.content).join('\n');
    const n = (text.match(/# dockyard-ignore/g) ?? []).length;
    if (name === 'cinder-lvm') assert.ok(n > 0);
    else assert.equal(n, 0, `${name} has suppressions`);
  }
  // Without its suppressions the LVM output is loud: each comment silences a real finding.
  const files = scaffoldManifests({ service: 'cinder', backend: 'lvm' }).files.map((f) => ({ ...f, content: f.content.replace(/^\s*# dockyard-ignore.*\n/gm, '') }));
  const loud = lintFolder('/ws/lvm-bare', files).flatMap((f) => f.findings.filter((x) => x.severity === 'error'));
  assert.ok(loud.some((x) => x.rule === 'privileged-container'));
});

/**
 * Information-level findings the image scaffold keeps on purpose, with the reason (everything else,
 * and anything at warning or error, fails the test).
 */
const IMAGE_SCAFFOLD_KEPT: Record<string, string> = {
  'unpinned-os-package':
    'the site layer installs distro packages on a loci image pinned by tag: they follow that Ubuntu release, and exact versions vanish from noble-updates (hadolint DL3008 users commonly ignore it for this reason)',
};

test('lint: the image scaffold (compose, script, Dockerfile) has no finding but the information-level ones kept on purpose', () => {
  for (const [name, o] of IMAGE_CASES) {
    const linted = lintFolder(`/ws/${name}`, scaffoldImage(o).files.filter((f) => !f.path.endsWith('.md')));
    const unexpected = linted.flatMap((f) => f.findings.filter((x) => !(x.severity === 'information' && IMAGE_SCAFFOLD_KEPT[x.rule])).map((x) => `${f.path}:${x.range.start.line + 1} ${x.rule}`));
    assert.deepEqual(unexpected, []);
  }
});

test('lint registry: every catalog id is known (stubs only for rules not on this branch)', () => {
  const { registry, stubbed } = fullRegistry();
  assert.ok(registry.meta('privileged-container'));
  assert.ok(!stubbed.includes('privileged-container'));
});

// ---------------------------------------------------------------------------------------------
// Policy, checked structurally (independent of which rules the branch has): the RULES.md catalog
// and the brief's least-privilege list, for every container of every generated workload.

interface Obj {
  [k: string]: unknown;
}
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

function suppressedAbove(text: string, needle: RegExp, rule: string): boolean {
  const lines = text.split('\n');
  return lines.some((l, i) => needle.test(l) && new RegExp(`#\\s*dockyard-ignore\\s+[^:]*\\b${rule}\\b[^:]*:\\s*\\S.{20,}`).test(lines[i - 1] ?? ''));
}

for (const [name, o] of MANIFEST_CASES) {
  test(`policy: ${name} containers are least-privilege; every exception is suppressed with a reason`, () => {
    const files = scaffoldManifests(o).files.filter((f) => f.path.endsWith('.yaml') && f.path !== 'kustomization.yaml');
    let workloads = 0;
    for (const f of files) {
      for (const d of parseAllDocuments(f.content)) {
        assert.equal(d.errors.length, 0);
        const doc = obj(d.toJS());
        if (doc.kind === 'Secret') assert.fail('a Secret is generated');
        if (doc.kind === 'ConfigMap') {
          const data = JSON.stringify(doc.data);
          assert.doesNotMatch(data, /password\s*=|PRIVATE KEY|:\/\/[^:/\s]+:[^@\s]+@/i, 'credential in a ConfigMap');
          continue;
        }
        if (doc.kind !== 'Deployment' && doc.kind !== 'Job') continue;
        workloads++;
        const pod = obj(obj(obj(doc.spec).template).spec);
        const psc = obj(pod.securityContext);
        assert.equal(pod.automountServiceAccountToken, false);
        assert.equal(obj(psc.seccompProfile).type, 'RuntimeDefault');
        assert.equal(psc.runAsNonRoot, true);
        assert.equal(psc.runAsUser, 42424);
        if (pod.hostNetwork !== undefined) assert.ok(suppressedAbove(f.content, /^\s*hostNetwork: true/, 'host-namespace'));
        for (const c of pod.containers as Obj[]) {
          const sc = obj(c.securityContext);
          const image = String(c.image);
          assert.match(image, /:[A-Za-z0-9_][A-Za-z0-9_.-]*$|@sha256:/);
          assert.doesNotMatch(image, /:latest$/);
          assert.equal(sc.readOnlyRootFilesystem, true, `${c.name} readOnlyRootFilesystem`);
          assert.deepEqual(obj(sc.capabilities).drop, ['ALL']);
          assert.equal(obj(sc.capabilities).add, undefined);
          assert.equal(obj(sc.seccompProfile).type, 'RuntimeDefault');
          const res = obj(c.resources);
          for (const k of ['requests', 'limits']) for (const r of ['cpu', 'memory']) assert.ok(obj(res[k])[r], `${c.name} ${k}.${r}`);
          if (sc.privileged === true) {
            assert.equal(name, 'cinder-lvm', `${c.name} privileged outside LVM`);
            assert.ok(suppressedAbove(f.content, /^\s*privileged: true/, 'privileged-container'));
            assert.ok(suppressedAbove(f.content, /^\s*allowPrivilegeEscalation: true/, 'privilege-escalation'));
          } else {
            assert.equal(sc.allowPrivilegeEscalation, false, `${c.name} allowPrivilegeEscalation`);
          }
          if (sc.runAsUser === 0) {
            assert.ok(suppressedAbove(f.content, /^\s*runAsUser: 0/, 'run-as-root'));
            assert.ok(suppressedAbove(f.content, /^\s*runAsNonRoot: false/, 'run-as-root'));
          } else {
            assert.equal(sc.runAsNonRoot, true);
            assert.equal(sc.runAsUser, 42424);
          }
          for (const e of (c.env as Obj[] | undefined) ?? []) {
            assert.equal(e.value, undefined, `literal env value ${e.name}`);
            const from = obj(e.valueFrom);
            assert.ok(from.secretKeyRef || from.fieldRef, `${e.name} from a Secret or the downward API`);
          }
          for (const p of (c.ports as Obj[] | undefined) ?? []) assert.equal(p.hostPort, undefined);
        }
        for (const v of (pod.volumes as Obj[] | undefined) ?? []) {
          const kinds = Object.keys(v).filter((k) => k !== 'name');
          assert.equal(kinds.length, 1);
          if (kinds[0] === 'hostPath') {
            assert.equal(name, 'cinder-lvm');
            assert.ok(suppressedAbove(f.content, new RegExp(`name: ${v.name}, hostPath`), 'host-path-volume'));
          } else {
            assert.ok(['configMap', 'secret', 'emptyDir', 'persistentVolumeClaim'].includes(kinds[0]), kinds[0]);
          }
        }
      }
    }
    assert.equal(workloads, o.service === 'cinder' ? 5 : 2);
  });
}

test('policy: Services select their pods; every mounted volume and configMap key exists', () => {
  for (const [, o] of MANIFEST_CASES) {
    const files = scaffoldManifests(o).files;
    const docs = files.filter((f) => f.path.endsWith('.yaml')).flatMap((f) => parseAllDocuments(f.content).map((d) => obj(d.toJS())));
    const cms = new Map(docs.filter((d) => d.kind === 'ConfigMap').map((d) => [obj(d.metadata).name as string, Object.keys(obj(d.data))]));
    const pvcs = new Set(docs.filter((d) => d.kind === 'PersistentVolumeClaim').map((d) => obj(d.metadata).name));
    for (const d of docs.filter((x) => x.kind === 'Deployment' || x.kind === 'Job')) {
      const tpl = obj(obj(d.spec).template);
      const pod = obj(tpl.spec);
      const vols = new Map(((pod.volumes as Obj[]) ?? []).map((v) => [v.name as string, v]));
      for (const c of pod.containers as Obj[]) {
        for (const m of (c.volumeMounts as Obj[]) ?? []) assert.ok(vols.has(m.name as string), `mount ${m.name}`);
      }
      for (const v of vols.values()) {
        const cm = obj(v.configMap);
        if (cm.name) for (const it of (cm.items as Obj[]) ?? []) assert.ok(cms.get(cm.name as string)?.includes(it.key as string), `key ${it.key}`);
        const pvc = obj(v.persistentVolumeClaim);
        if (pvc.claimName) assert.ok(pvcs.has(pvc.claimName));
      }
      if (d.kind === 'Deployment') {
        const sel = obj(obj(d.spec).selector).matchLabels as Obj;
        for (const [k, val] of Object.entries(sel)) assert.equal(obj(obj(tpl.metadata).labels)[k], val);
      }
    }
    for (const s of docs.filter((x) => x.kind === 'Service')) {
      const sel = obj(obj(s.spec).selector);
      const match = docs.filter((d) => d.kind === 'Deployment' && Object.entries(sel).every(([k, v]) => obj(obj(obj(obj(d.spec).template).metadata).labels)[k] === v));
      assert.equal(match.length, 1);
    }
  }
});

test('manifests: options flow into the output', () => {
  const files = scaffoldManifests({ service: 'glance', backend: 'file', namespace: 'cloud', image: 'reg.local:5000/os/glance:2025.1-ubuntu_noble_loci', replicas: 3 }).files;
  const api = file(files, 'glance-api.yaml');
  assert.match(api, /^  namespace: cloud$/m);
  assert.match(api, /image: reg\.local:5000\/os\/glance:2025\.1-ubuntu_noble_loci$/m);
  assert.match(api, /^  replicas: 3$/m);
  // three replicas share the file store: ReadWriteMany and no Recreate strategy
  assert.match(api, /- ReadWriteMany/);
  assert.doesNotMatch(api, /type: Recreate/);
  assert.match(file(files, 'glance-etc.yaml'), /keystone-api\.cloud\.svc:5000/);
  const one = file(scaffoldManifests({ service: 'glance', backend: 'file' }).files, 'glance-api.yaml');
  assert.match(one, /- ReadWriteOnce/);
  assert.match(one, /type: Recreate/);
});

test('manifests: defaults are ceph, openstack, the newest image, one replica', () => {
  const d = scaffoldManifests({ service: 'cinder' });
  assert.deepEqual(d, scaffoldManifests({ service: 'cinder', backend: 'ceph', namespace: 'openstack', replicas: 1, image: imageRefs({ service: 'cinder' }).service }));
  assert.equal(d.main, 'cinder-api.yaml');
  assert.match(file(d.files, 'cinder-api.yaml'), /image: quay\.io\/airshipit\/cinder:2025\.2-ubuntu_noble_loci/);
  assert.deepEqual(d.files.map((f) => f.path), ['cinder-etc.yaml', 'cinder-db-sync.yaml', 'cinder-api.yaml', 'cinder-scheduler.yaml', 'cinder-volume.yaml', 'cinder-backup.yaml', 'kustomization.yaml', 'README.md']);
  const kustomization = parseDocument(file(d.files, 'kustomization.yaml')).toJS() as { resources: string[] };
  assert.deepEqual(kustomization.resources, d.files.filter((f) => f.path.endsWith('.yaml') && f.path !== 'kustomization.yaml').map((f) => f.path));
});

test('manifests: the config a first start needs, credentials only as Secret references', () => {
  const cinder = file(scaffoldManifests({ service: 'cinder', backend: 'ceph' }).files, 'cinder-etc.yaml');
  const conf = String(obj(obj(parseDocument(cinder).toJS()).data)['cinder.conf']);
  for (const section of ['[DEFAULT]', '[database]', '[keystone_authtoken]', '[oslo_messaging_rabbit]', '[oslo_concurrency]', '[ceph]']) assert.ok(conf.includes(section), section);
  assert.match(conf, /volume_driver = cinder\.volume\.drivers\.rbd\.RBDDriver/);
  assert.doesNotMatch(conf, /^(connection|password|transport_url)\s*=/m);
  const lvm = String(obj(obj(parseDocument(file(scaffoldManifests({ service: 'cinder', backend: 'lvm' }).files, 'cinder-etc.yaml')).toJS()).data)['cinder.conf']);
  assert.match(lvm, /^\[lvm\]$/m);
  assert.match(lvm, /volume_driver = cinder\.volume\.drivers\.lvm\.LVMVolumeDriver/);
  const glance = (backend: 'ceph' | 'file') =>
    String(obj(obj(parseDocument(file(scaffoldManifests({ service: 'glance', backend }).files, 'glance-etc.yaml')).toJS()).data)['glance-api.conf']);
  assert.match(glance('ceph'), /\[glance_store\]\nstores = rbd,http\ndefault_store = rbd/);
  assert.match(glance('file'), /\[glance_store\]\nstores = file,http\ndefault_store = file/);
  const readme = file(scaffoldManifests({ service: 'cinder' }).files, 'README.md');
  assert.match(readme, /kubectl -n openstack create secret generic cinder-credentials/);
  assert.match(readme, /kubectl -n openstack create secret generic cinder-ceph/);
});

test('manifests: option validation names the option and the value', () => {
  const bad = (o: ManifestOptions) => validateManifestOptions(o).map((p) => [p.option, p.message.id]);
  assert.deepEqual(bad({ service: 'nova' as never }), [['service', 'scaffold.option.unknownService']]);
  assert.deepEqual(bad({ service: 'glance', backend: 'lvm' }), [['backend', 'scaffold.option.badBackend']]);
  assert.deepEqual(bad({ service: 'cinder', backend: 'file' }), [['backend', 'scaffold.option.badBackend']]);
  assert.deepEqual(bad({ service: 'cinder', namespace: 'Open_Stack' }), [['namespace', 'scaffold.option.badNamespace']]);
  assert.deepEqual(bad({ service: 'cinder', image: 'quay.io/x/cinder' }), [['image', 'scaffold.option.unpinnedImage']]);
  assert.deepEqual(bad({ service: 'cinder', image: 'quay.io/x/cinder:latest' }), [['image', 'scaffold.option.unpinnedImage']]);
  assert.deepEqual(bad({ service: 'cinder', image: 'quay.io/x/cinder@sha256:' + 'a'.repeat(64) }), []);
  assert.deepEqual(bad({ service: 'cinder', image: 'Bad Image:1' }), [['image', 'scaffold.option.badImage']]);
  assert.deepEqual(bad({ service: 'cinder', replicas: 0 }), [['replicas', 'scaffold.option.badReplicas']]);
  assert.deepEqual(bad({ service: 'cinder', replicas: 1.5 }), [['replicas', 'scaffold.option.badReplicas']]);
  assert.throws(() => scaffoldManifests({ service: 'glance', backend: 'lvm' }), ScaffoldOptionsError);
});

// ---------------------------------------------------------------------------------------------
// Image scaffold

test('image: base, requirements and service builds with the loci arguments of REFERENCE §4', () => {
  const { files, main } = scaffoldImage({ service: 'cinder' });
  assert.equal(main, 'build-cinder.sh');
  assert.deepEqual(files.map((f) => f.path), ['docker-compose.build.yaml', 'build-cinder.sh', 'Dockerfile', 'README.md']);
  const compose = parseDocument(file(files, 'docker-compose.build.yaml')).toJS() as { services: Record<string, { image: string; build: Obj }> };
  const { base, requirements, cinder } = compose.services;
  assert.equal(base.image, 'quay.io/airshipit/base:2025.2-ubuntu_noble_loci');
  assert.deepEqual(base.build, { context: './loci', dockerfile: 'Dockerfile.base', args: { FROM: 'ubuntu:noble' } });
  assert.deepEqual(requirements.build, {
    context: './loci',
    dockerfile: 'Dockerfile',
    target: 'requirements',
    args: { FROM: base.image, PROJECT: 'requirements', PROJECT_REF: 'stable/2025.2', KEEP_ALL_WHEELS: 'yes' },
  });
  assert.equal(cinder.image, 'quay.io/airshipit/cinder:2025.2-ubuntu_noble_loci');
  assert.deepEqual(cinder.build, {
    context: './loci',
    dockerfile: 'Dockerfile',
    target: 'project',
    args: {
      FROM: base.image,
      WHEELS: requirements.image,
      PROJECT: 'cinder',
      PROJECT_REF: 'stable/2025.2',
      PROFILES: 'fluent lvm ceph qemu apache',
      PIP_PACKAGES: 'python-swiftclient',
      DIST_PACKAGES: 'open-iscsi multipath-tools',
      KEEP_ALL_WHEELS: 'yes',
    },
  });
});

test('image: the shell script runs the same builds as the compose file, quoted for bash', () => {
  for (const service of ['cinder', 'glance'] as const) {
    const { files } = scaffoldImage({ service, release: 'master', codename: 'jammy', registry: 'registry.example:5000/cloud', profiles: ['ceph', 'qemu'] });
    const compose = parseDocument(file(files, 'docker-compose.build.yaml')).toJS() as { services: Record<string, { image: string; build: { dockerfile: string; target?: string; args: Record<string, string> } }> };
    const script = file(files, `build-${service}.sh`);
    assert.match(script, /^#!\/usr\/bin\/env bash\n/);
    assert.match(script, /^set -euo pipefail$/m);
    assert.match(script, /^export DOCKER_BUILDKIT=1$/m);
    const builds = script.split(/\n(?=# (?:base|requirements|cinder|glance)\ndocker build)/).slice(1);
    assert.equal(builds.length, 3);
    const names = Object.keys(compose.services);
    builds.forEach((b, i) => {
      const svc = compose.services[names[i]];
      const words = shellWords(b.slice(b.indexOf('docker build')).split('\n\n')[0]);
      const args: Record<string, string> = {};
      words.forEach((w, j) => {
        if (w === '--build-arg') {
          const [k, ...v] = words[j + 1].split('=');
          args[k] = v.join('=');
        }
      });
      assert.deepEqual(args, svc.build.args);
      assert.equal(words[words.indexOf('--tag') + 1], svc.image);
      assert.equal(words[words.indexOf('--file') + 1], `$LOCI_DIR/${svc.build.dockerfile}`);
      assert.equal(words.includes('--target') ? words[words.indexOf('--target') + 1] : undefined, svc.build.target);
    });
    assert.equal(compose.services[service].image, `registry.example:5000/cloud/${service}:master-ubuntu_jammy_loci`);
    assert.equal(compose.services[service].build.args.PROJECT_REF, 'master');
    assert.equal(compose.services[service].build.args.PROFILES, 'ceph qemu');
    assert.equal(compose.services.base.build.args.FROM, 'ubuntu:jammy');
  }
});

/** A small POSIX word splitter for the generated lines (quotes, backslash-newline), enough to check quoting. */
function shellWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && s[i + 1] === '\n') {
      i++;
      continue;
    }
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      cur += s.slice(i + 1, j);
      i = j;
      has = true;
    } else if (c === '"') {
      const j = s.indexOf('"', i + 1);
      cur += s.slice(i + 1, j);
      i = j;
      has = true;
    } else if (/\s/.test(c)) {
      if (has) out.push(cur);
      cur = '';
      has = false;
    } else {
      cur += c;
      has = true;
    }
  }
  if (has) out.push(cur);
  return out;
}

test('image: the child Dockerfile pins the built image, cleans apt in one RUN and ends non-root', () => {
  const d = file(scaffoldImage({ service: 'glance', release: '2025.1' }).files, 'Dockerfile');
  assert.match(d, /^FROM quay\.io\/airshipit\/glance:2025\.1-ubuntu_noble_loci$/m);
  assert.equal((d.match(/^RUN /gm) ?? []).length, 1);
  assert.match(d, /apt-get install -y --no-install-recommends[\s\S]*rm -rf \/var\/lib\/apt\/lists\/\*/);
  const lastUser = [...d.matchAll(/^USER (\S+)$/gm)].pop()?.[1];
  assert.equal(lastUser, '42424');
});

test('image: profiles default to loci CI (glance: qemu, not qemu-utils) and are checked', () => {
  assert.deepEqual(DEFAULT_PROFILES.glance, ['fluent', 'ceph', 'qemu']);
  assert.deepEqual(DEFAULT_PROFILES.cinder, ['fluent', 'lvm', 'ceph', 'qemu', 'apache']);
  for (const s of ['cinder', 'glance'] as const) for (const p of DEFAULT_PROFILES[s]) assert.ok(effectiveProfiles(s).includes(p));
  // REFERENCE §2.4: the profiles that do anything for each service.
  assert.deepEqual([...effectiveProfiles('cinder')].sort(), ['apache', 'ceph', 'fluent', 'lvm', 'nginx', 'purestorage', 'qemu']);
  assert.deepEqual([...effectiveProfiles('glance')].sort(), ['apache', 'ceph', 'fluent', 'nginx', 'qemu']);
  assert.equal(SERVICE_PROFILES.glance.find((p) => p.name === 'qemu')?.adds, 'apt qemu-utils');
  const ids = (s: 'cinder' | 'glance', tokens: string[]) => checkProfiles(s, tokens).map((p) => [p.message.id, p.message.args]);
  assert.deepEqual(ids('glance', ['qemu-utils']), [['scaffold.option.profileUnknownSuggest', { value: 'qemu-utils', suggestion: 'qemu' }]]);
  assert.deepEqual(ids('glance', ['lvm']), [['scaffold.option.profileNoEffect', { value: 'lvm', service: 'glance', profiles: 'fluent ceph qemu apache nginx' }]]);
  assert.deepEqual(ids('cinder', ['cehp']), [['scaffold.option.profileUnknownSuggest', { value: 'cehp', suggestion: 'ceph' }]]);
  assert.deepEqual(ids('cinder', ['lvm,ceph']), [['scaffold.option.profileUnmatchable', { value: 'lvm,ceph' }]]);
  assert.deepEqual(ids('cinder', ['stable/2025.2']), [['scaffold.option.profileUnmatchable', { value: 'stable/2025.2' }]]);
  assert.deepEqual(ids('cinder', ['zzzzzz']), [['scaffold.option.profileUnknown', { value: 'zzzzzz' }]]);
  assert.deepEqual(splitProfiles('  ceph  lvm ceph\tqemu '), ['ceph', 'lvm', 'qemu']);
});

test('image: option validation', () => {
  const bad = (o: ImageOptions) => validateImageOptions(o).map((p) => [p.option, p.message.id]);
  assert.deepEqual(bad({ service: 'cinder' }), []);
  assert.deepEqual(bad({ service: 'cinder', release: 'caracal' }), [['release', 'scaffold.option.badRelease']]);
  assert.deepEqual(bad({ service: 'cinder', release: 'stable/2025.2' }), [['release', 'scaffold.option.badRelease']]);
  assert.deepEqual(bad({ service: 'cinder', codename: 'focal' as never }), [['codename', 'scaffold.option.badCodename']]);
  assert.deepEqual(bad({ service: 'cinder', registry: 'Quay.IO/Air Ship' }), [['registry', 'scaffold.option.badRegistry']]);
  assert.deepEqual(bad({ service: 'cinder', registry: 'localhost:5000' }), []);
  assert.deepEqual(bad({ service: 'cinder', lociPath: "it's" }), [['loci-path', 'scaffold.option.badPath']]);
  assert.deepEqual(bad({ service: 'cinder', lociPath: '$HOME/loci' }), [['loci-path', 'scaffold.option.badPath']]);
  assert.deepEqual(bad({ service: 'cinder', lociPath: '/src/open stack/loci' }), []);
  assert.deepEqual(bad({ service: 'cinder', base: 'ubuntu' }), [['base', 'scaffold.option.unpinnedImage']]);
  assert.deepEqual(bad({ service: 'cinder', base: 'ubuntu:jammy' }), [['base', 'scaffold.option.baseCodename']]);
  assert.deepEqual(bad({ service: 'cinder', codename: 'jammy', base: 'public.ecr.aws/ubuntu/ubuntu:22.04' }), []);
  assert.deepEqual(bad({ service: 'cinder', registry: 'quay.io/airshipit/' }), []);
  assert.equal(imageRefs({ service: 'cinder', registry: 'quay.io/airshipit/' }).base, 'quay.io/airshipit/base:2025.2-ubuntu_noble_loci');
  assert.throws(() => scaffoldImage({ service: 'glance', profiles: ['lvm'] }), ScaffoldOptionsError);
});

test('image: a loci path with spaces stays one word in the script and one value in compose', () => {
  const { files } = scaffoldImage({ service: 'cinder', lociPath: '/src/open stack/loci' });
  assert.match(file(files, 'build-cinder.sh'), /^LOCI_DIR="\$\{LOCI_DIR:-\/src\/open stack\/loci\}"$/m);
  const compose = parseDocument(file(files, 'docker-compose.build.yaml')).toJS() as { services: Record<string, { build: { context: string } }> };
  assert.equal(compose.services.cinder.build.context, '/src/open stack/loci');
});

test('lint: every suppression in the LVM output silences a real finding of each rule it names (rules present on the branch)', () => {
  const { stubbed } = fullRegistry();
  const files = scaffoldManifests({ service: 'cinder', backend: 'lvm' }).files;
  let checked = 0;
  for (const f of files) {
    const lines = f.content.split('\n');
    lines.forEach((l, i) => {
      const m = /^\s*# dockyard-ignore ([^:]+): (.+)$/.exec(l);
      if (!m) return;
      assert.ok(m[2].length >= 30, `${f.path}:${i + 1} reason too short`);
      const without = [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
      const linted = lintFolder('/ws/strip', files.map((g) => (g === f ? { ...g, content: without } : g)));
      const at = linted.find((x) => x.path.endsWith(f.path))!.findings.filter((x) => x.range.start.line === i).map((x) => x.rule);
      for (const rule of m[1].split(',')) {
        if (stubbed.includes(rule)) continue;
        assert.ok(at.includes(rule), `${f.path}:${i + 1} suppresses ${rule}, which does not fire there without it`);
        checked++;
      }
    });
  }
  assert.ok(checked >= 3, `checked ${checked}`);
});
