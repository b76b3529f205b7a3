import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALL_LOCI_ARGS,
  CI_PROJECTS,
  CI_RELEASES,
  DOCKERFILE_ARGS,
  DOCKERFILE_BASE_ARGS,
  KNOWN_PROJECTS,
  MOD_OAUTH2,
  PROJECTS_WITH_SCRIPTS,
  RETIRED_ARGS,
  UBUNTU_CODENAMES,
  findRelease,
  isDeclaredArg,
  isNoOpArg,
  lociArg,
  projectSpecificArgs,
  releaseOfRef,
  ubuntuCodename,
} from '../../../server/src/core/loci/args';
import { BINDEP_SYNTAX_ERROR_CODES, CODENAME_VERSIONS } from '../../../server/src/core/loci/bindep';
import { validProfileTokens } from '../../../server/src/core/loci/profiles';
import { loci as lociMessages } from '../../../server/src/core/messages/en/loci';
import { en } from '../../../server/src/core/messages/en';

describe('loci Dockerfile ARGs (REFERENCE §1a)', () => {
  test('every ARG in file order with its line', () => {
    assert.deepEqual(DOCKERFILE_ARGS.map((a) => `${a.line}:${a.name}`), [
      '1:WHEELS', '2:FROM', '13:WHEELS_PATH', '14:PROJECT', '15:PROJECT_REPO', '16:PROJECT_REF', '17:PROJECT_RELEASE', '18:EXTRA_PROJECTS',
      '19:PROFILES', '20:PIP_PACKAGES', '21:PIP_ARGS', '22:PIP_WHEEL_ARGS', '23:DIST_PACKAGES', '24:PLUGIN', '25:EXTRA_BINDEP', '26:EXTRA_PYDEP',
      '27:REGISTRY_PROTOCOL', '28:REGISTRY_INSECURE', '29:KEEP_ALL_WHEELS', '30:HORIZON_EXTRA_PANELS', '31:PROJECT_PIP_EXTRAS', '32:APT_MIRROR',
      '33:SOURCES_DIR', '37:DEBIAN_FRONTEND', '39:UID', '40:GID', '44:NOVA_TSS_USER', '45:NOVA_TSS_UID', '46:NOVA_TSS_GID', '48:NOVNC_REPO',
      '49:NOVNC_REF', '50:SPICE_REPO', '51:SPICE_REF', '53:SKYLINE_CONSOLE_REPO', '54:SKYLINE_CONSOLE_REF', '60:PIP_VERSION_CONSTRAINT',
      '62:SETUPTOOL_CONSTRAINT', '63:WHEEL_CONSTRAINT',
    ]);
  });

  test('defaults', () => {
    const d = Object.fromEntries(DOCKERFILE_ARGS.map((a) => [a.name, a.default]));
    assert.deepEqual(d, {
      WHEELS: 'quay.io/airshipit/requirements:master-ubuntu_jammy', FROM: 'ubuntu:jammy', WHEELS_PATH: '/wheels', PROJECT: undefined,
      PROJECT_REPO: 'https://opendev.org/openstack/${PROJECT}', PROJECT_REF: 'master', PROJECT_RELEASE: 'master', EXTRA_PROJECTS: '',
      PROFILES: '', PIP_PACKAGES: '', PIP_ARGS: '', PIP_WHEEL_ARGS: '$PIP_ARGS', DIST_PACKAGES: '', PLUGIN: 'no', EXTRA_BINDEP: '',
      EXTRA_PYDEP: '', REGISTRY_PROTOCOL: 'detect', REGISTRY_INSECURE: 'False', KEEP_ALL_WHEELS: 'False', HORIZON_EXTRA_PANELS: undefined,
      PROJECT_PIP_EXTRAS: undefined, APT_MIRROR: 'https://archive.ubuntu.com/ubuntu/', SOURCES_DIR: '/tmp', DEBIAN_FRONTEND: 'noninteractive',
      UID: '42424', GID: '42424', NOVA_TSS_USER: 'tss', NOVA_TSS_UID: '42434', NOVA_TSS_GID: '42434', NOVNC_REPO: 'https://github.com/novnc/novnc',
      NOVNC_REF: 'v1.0.0', SPICE_REPO: 'https://gitlab.freedesktop.org/spice/spice-html5.git', SPICE_REF: 'spice-html5-0.1.6',
      SKYLINE_CONSOLE_REPO: 'https://opendev.org/openstack/skyline-console', SKYLINE_CONSOLE_REF: 'master', PIP_VERSION_CONSTRAINT: '',
      SETUPTOOL_CONSTRAINT: '<81', WHEEL_CONSTRAINT: '',
    });
  });

  test('flags: required, global, targets, project-specific', () => {
    assert.deepEqual(DOCKERFILE_ARGS.filter((a) => a.required).map((a) => a.name), ['PROJECT']);
    assert.deepEqual(DOCKERFILE_ARGS.filter((a) => a.global).map((a) => a.name), ['WHEELS', 'FROM']);
    assert.deepEqual(lociArg('PROFILES')!.targets, ['project']);
    assert.deepEqual(lociArg('DIST_PACKAGES')!.targets, ['project']);
    assert.deepEqual(lociArg('WHEELS')!.targets, ['project']);
    assert.deepEqual(Object.fromEntries(projectSpecificArgs().map((a) => [a.name, a.project])), {
      HORIZON_EXTRA_PANELS: 'horizon', NOVA_TSS_USER: 'nova', NOVA_TSS_UID: 'nova', NOVA_TSS_GID: 'nova', NOVNC_REPO: 'nova', NOVNC_REF: 'nova',
      SPICE_REPO: 'nova', SPICE_REF: 'nova', SKYLINE_CONSOLE_REPO: 'skyline-apiserver', SKYLINE_CONSOLE_REF: 'skyline-apiserver',
    });
    assert.deepEqual(DOCKERFILE_ARGS.filter((a) => a.format === 'git-branch-or-tag').map((a) => a.name), ['NOVNC_REF', 'SPICE_REF', 'SKYLINE_CONSOLE_REF']);
    assert.deepEqual(DOCKERFILE_ARGS.filter((a) => a.format === 'integer').map((a) => a.name), ['UID', 'GID', 'NOVA_TSS_UID', 'NOVA_TSS_GID']);
  });
});

describe('Dockerfile.base ARGs (REFERENCE §1b)', () => {
  test('names, lines, defaults', () => {
    assert.deepEqual(DOCKERFILE_BASE_ARGS.map((a) => [a.line, a.name, a.default]), [
      [1, 'FROM', 'ubuntu:noble'], [4, 'CEPH_REPO', ''], [5, 'CEPH_KEY', 'https://download.ceph.com/keys/release.asc'],
      [6, 'ALLOW_UNAUTHENTICATED', 'false'], [7, 'APT_MIRROR_HOST', ''], [8, 'TARGETARCH', undefined], [9, 'TARGETPLATFORM', undefined],
    ]);
    assert.equal(lociArg('FROM')!.default, 'ubuntu:jammy');
    assert.equal(lociArg('FROM', 'Dockerfile.base')!.default, 'ubuntu:noble');
    assert.equal(lociArg('FROM', 'Dockerfile.base')!.messageId, 'loci.argBase.FROM');
    assert.equal(isDeclaredArg('APT_MIRROR_HOST'), false);
    assert.equal(isDeclaredArg('APT_MIRROR_HOST', 'Dockerfile.base'), true);
  });
});

describe('removed, renamed and no-op ARGs (REFERENCE §1c)', () => {
  test('statuses, replacements and commits', () => {
    const row = (n: string) => {
      const a = lociArg(n)!;
      return [a.status, a.replacement, a.changedIn];
    };
    assert.deepEqual(row('DISTRO'), ['removed', undefined, '304d131']);
    assert.deepEqual(row('PYTHON3'), ['removed', undefined, '4ff506a']);
    assert.deepEqual(row('PIP_CONSTRAINT'), ['removed', 'PIP_VERSION_CONSTRAINT', 'ef7e133']);
    assert.deepEqual(row('WHEEL_CONSTRAIN'), ['removed', 'WHEEL_CONSTRAINT', '5e7e2fa']);
    assert.deepEqual(row('REGISTRY_PROTOCOL'), ['unused', undefined, 'dd30388']);
    assert.deepEqual(row('REGISTRY_INSECURE'), ['unused', undefined, 'dd30388']);
    assert.deepEqual(row('APT_MIRROR'), ['unused', 'APT_MIRROR_HOST', '5e7e2fa']);
    assert.equal(lociArg('APT_MIRROR')!.replacementFile, 'Dockerfile.base');
    assert.deepEqual(row('COPY_DEFAULT_CONFIG_FILES'), ['not-an-arg', undefined, undefined]);
    assert.equal(isDeclaredArg('COPY_DEFAULT_CONFIG_FILES'), false);
  });

  test('isNoOpArg', () => {
    const noOp = ['DISTRO', 'PYTHON3', 'PIP_CONSTRAINT', 'WHEEL_CONSTRAIN', 'REGISTRY_PROTOCOL', 'REGISTRY_INSECURE', 'APT_MIRROR', 'COPY_DEFAULT_CONFIG_FILES', 'UV_PIP_ARGS'];
    for (const n of noOp) assert.equal(isNoOpArg(n), true, n);
    for (const n of ['PROFILES', 'PROJECT', 'WHEEL_CONSTRAINT', 'PIP_VERSION_CONSTRAINT', 'NOT_A_LOCI_ARG']) assert.equal(isNoOpArg(n), false, n);
    assert.deepEqual(RETIRED_ARGS.filter((a) => a.changedIn === '7c46934').map((a) => a.name), ['BASE_BUILDER', 'BASE_RUNTIME', 'REQUIREMENTS_REPO', 'REQUIREMENTS_REF', 'UV_PIP_ARGS']);
  });
});

describe('messages', () => {
  test('every ARG has an English description in messages/en/loci.ts and the main catalog', () => {
    for (const a of ALL_LOCI_ARGS) {
      assert.equal(typeof lociMessages[a.messageId], 'string', a.messageId);
      assert.ok(lociMessages[a.messageId].length > 10, a.messageId);
      assert.equal(en[a.messageId], lociMessages[a.messageId]);
    }
    const argIds = new Set(ALL_LOCI_ARGS.map((a) => a.messageId));
    const orphanArgMessages = Object.keys(lociMessages).filter((id) => /^loci\.arg(Base)?\./.test(id) && !argIds.has(id));
    assert.deepEqual(orphanArgMessages, []);
  });

  test('every bindep syntax error code has a message', () => {
    for (const c of BINDEP_SYNTAX_ERROR_CODES) assert.equal(typeof lociMessages[`loci.bindepSyntax.${c}`], 'string', c);
  });

  test('ids are namespaced and placeholders use {name} (or an ICU plural of one)', () => {
    for (const [id, text] of Object.entries(lociMessages)) {
      assert.match(id, /^(loci|rule)\./);
      const plurals = /\{[a-zA-Z][a-zA-Z0-9]*, plural,(?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+\s*\}/g;
      const braces = text.replace(plurals, '').replace(/\{[a-zA-Z][a-zA-Z0-9]*\}/g, '');
      assert.equal(/[{}]/.test(braces), false, `${id}: stray brace`);
    }
  });
});

describe('releases, codenames, projects', () => {
  test('releases and refs', () => {
    assert.deepEqual(CI_RELEASES, ['2025.1', '2025.2']);
    assert.equal(findRelease('caracal')!.release, '2024.1');
    assert.equal(findRelease('2025.2')!.name, 'flamingo');
    assert.equal(findRelease('master')!.ci, false);
    assert.equal(releaseOfRef('stable/2025.2'), '2025.2');
    assert.equal(releaseOfRef('stable/caracal'), '2024.1');
    assert.equal(releaseOfRef('unmaintained/2023.1'), '2023.1');
    assert.equal(releaseOfRef('master'), 'master');
    assert.equal(releaseOfRef('refs/changes/24/923324/10'), undefined);
    assert.equal(releaseOfRef('2025.2'), undefined);
  });

  test('Ubuntu codenames with python versions, consistent with the bindep platform table and bindep.txt', () => {
    assert.deepEqual(UBUNTU_CODENAMES.map((c) => [c.codename, c.version, c.python]), [['focal', '20.04', '3.8'], ['jammy', '22.04', '3.10'], ['noble', '24.04', '3.12']]);
    for (const c of UBUNTU_CODENAMES) assert.equal(CODENAME_VERSIONS.ubuntu[c.codename], c.version, c.codename);
    assert.deepEqual(UBUNTU_CODENAMES.filter((c) => c.inBindep).map((c) => c.codename), validProfileTokens().codenames);
    assert.equal(ubuntuCodename('noble')!.ci, true);
    assert.equal(ubuntuCodename('bookworm'), undefined);
  });

  test('CI projects (REFERENCE §2.2)', () => {
    assert.equal(CI_PROJECTS.length, 30);
    assert.deepEqual(CI_PROJECTS.filter((p) => p.releases.length === 1).map((p) => `${p.project}@${p.releases[0]}`), ['ceilometer@2025.1', 'mistral@2025.1', 'skyline-apiserver@2025.2']);
    assert.ok(KNOWN_PROJECTS.includes('requirements'));
    for (const p of validProfileTokens().projects) assert.ok(KNOWN_PROJECTS.includes(p), p);
    assert.deepEqual(PROJECTS_WITH_SCRIPTS, ['horizon', 'keystone', 'nova', 'skyline-apiserver']);
    assert.deepEqual(MOD_OAUTH2, { token: 'mod_oauth2', project: 'keystone', arch: 'x86_64' });
  });
});
