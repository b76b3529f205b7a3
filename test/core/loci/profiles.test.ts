import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { parseBindep, platformProfiles } from '../../../server/src/core/loci/bindep';
import {
  bindepArgs,
  editDistance,
  modOauth2Active,
  nearestToken,
  profileEffect,
  profilesForProject,
  pydepArgs,
  resolvePackages,
  splitWords,
  tokenCanMatch,
  upstreamFiles,
  validProfileTokens,
} from '../../../server/src/core/loci/profiles';

const words = (s: string) => s.split(' ').filter(Boolean);
const resolve = (project: string, profiles: string, codename = 'noble') => {
  const r = resolvePackages({ project, profiles: words(profiles), codename, target: 'project' });
  assert.deepEqual(r.failed, []);
  return { apt: r.apt, pip: r.pip };
};
const BASE_PIP = words('pymysql python-memcached uwsgi');

describe('resolvePackages: REFERENCE §2.4 cinder and glance on noble', () => {
  test("cinder, CI PROFILES='fluent lvm ceph qemu apache'", () => {
    assert.deepEqual(resolve('cinder', 'fluent lvm ceph qemu apache'), {
      apt: words('apache2 ceph-common libapache2-mod-wsgi-py3 libpcre3 libxml2 lvm2 python3-rados python3-rbd qemu-utils tgt thin-provisioning-tools'),
      pip: words('fluent-logger pymysql python-memcached uwsgi'),
    });
  });

  test('cinder without profiles', () => {
    assert.deepEqual(resolve('cinder', ''), { apt: words('libpcre3 libxml2'), pip: BASE_PIP });
  });

  test('cinder, README PROFILES="lvm ceph"', () => {
    assert.deepEqual(resolve('cinder', 'lvm ceph'), {
      apt: words('ceph-common libpcre3 libxml2 lvm2 python3-rados python3-rbd tgt thin-provisioning-tools'),
      pip: BASE_PIP,
    });
  });

  test("glance, CI PROFILES='fluent ceph qemu-utils': qemu-utils is no profile, nearest is qemu", () => {
    assert.deepEqual(resolve('glance', 'fluent ceph qemu-utils'), {
      apt: words('ceph-common libpcre3 libxml2 python3-rados python3-rbd'),
      pip: words('fluent-logger pymysql python-memcached uwsgi'),
    });
    const valid = validProfileTokens();
    assert.equal(valid.all.includes('qemu-utils'), false);
    assert.equal(nearestToken('qemu-utils', valid.all), 'qemu');
    assert.equal(profileEffect('glance', 'qemu-utils', { profiles: words('fluent ceph qemu-utils') }).none, true);
  });

  test("glance, PROFILES='fluent ceph qemu' gains qemu-utils", () => {
    const withQemu = resolve('glance', 'fluent ceph qemu');
    assert.deepEqual(withQemu, {
      apt: words('ceph-common libpcre3 libxml2 python3-rados python3-rbd qemu-utils'),
      pip: words('fluent-logger pymysql python-memcached uwsgi'),
    });
    assert.deepEqual(profileEffect('glance', 'qemu', { profiles: words('fluent ceph qemu') }), {
      token: 'qemu', apt: ['qemu-utils'], pip: [], removedApt: [], removedPip: [], none: false,
    });
  });
});

describe('resolvePackages: codenames, targets, files', () => {
  test('keystone ldap: jammy → libldap-2.5-0, noble → libldap2, other codenames → libldap-2.4-2', () => {
    const pip = words('ldappool pymysql python-ldap python-memcached uwsgi');
    assert.deepEqual(resolve('keystone', 'ldap', 'jammy'), { apt: words('libldap-2.5-0 libxml2'), pip });
    assert.deepEqual(resolve('keystone', 'ldap', 'noble'), { apt: words('libldap2 libpcre3 libxml2'), pip });
    assert.deepEqual(resolve('keystone', 'ldap', 'focal'), { apt: words('libldap-2.4-2 libxml2'), pip });
  });

  const REQUIREMENTS_NOBLE = words(
    'build-essential git libblas-dev liberasurecode-dev libffi-dev libjpeg-dev libkrb5-dev liblapack-dev libldap2-dev ' +
      'libmysqlclient-dev libnss3-dev libpcre3 libpcre3-dev libpq-dev librdkafka-dev libsasl2-dev libssl-dev libsystemd-dev ' +
      'libvirt-dev libxml2 libxml2-dev libxslt1-dev libyaml-dev libz-dev pkg-config python3-dev',
  );

  test('requirements target on noble: 26 packages, PROFILES ignored, no pydep', () => {
    assert.equal(REQUIREMENTS_NOBLE.length, 26);
    const r = resolvePackages({ project: 'requirements', profiles: words('ceph fluent apache'), codename: 'noble', target: 'requirements' });
    assert.deepEqual(r, { apt: REQUIREMENTS_NOBLE, pip: [], failed: [] });
    assert.deepEqual(bindepArgs({ project: 'requirements', profiles: ['ceph'], codename: 'noble', target: 'requirements' }), ['requirements', 'noble']);
  });

  test('requirements target on jammy (no libpcre3) and on Debian (libmariadbclient-dev instead of libmysqlclient-dev)', () => {
    const jammy = resolvePackages({ project: 'requirements', codename: 'jammy', target: 'requirements' });
    assert.deepEqual(jammy.apt, REQUIREMENTS_NOBLE.filter((p) => p !== 'libpcre3'));
    const debian = resolvePackages({ project: 'requirements', codename: 'bookworm', target: 'requirements', platform: platformProfiles('debian', 'bookworm') });
    assert.deepEqual(debian.apt, [...REQUIREMENTS_NOBLE.filter((p) => p !== 'libpcre3' && p !== 'libmysqlclient-dev'), 'libmariadbclient-dev'].sort());
  });

  test('PROFILES=requirements on a project build pulls in the build dependencies (R28)', () => {
    const r = resolve('cinder', 'requirements');
    assert.deepEqual(r.apt, REQUIREMENTS_NOBLE);
    assert.deepEqual(r.pip, words('networking-baremetal purestorage pymysql python-memcached uwsgi'));
  });

  test('command-line arguments exactly as loci builds them', () => {
    const o = { project: 'cinder', profiles: ['lvm', 'ceph'], codename: 'noble', projectRelease: '2025.2' };
    assert.deepEqual(bindepArgs(o), ['cinder', 'lvm', 'ceph', 'noble']);
    assert.deepEqual(pydepArgs(o), ['cinder', '2025.2', 'lvm', 'ceph']);
    assert.deepEqual(pydepArgs({ project: 'cinder' }), ['cinder', 'master']);
    assert.deepEqual(bindepArgs({ project: '', profiles: [] }), ['noble']);
  });

  test('PROJECT_RELEASE changes nothing today', () => {
    const a = resolvePackages({ project: 'nova', profiles: ['ceph'], codename: 'noble', projectRelease: '2025.2' });
    const b = resolvePackages({ project: 'nova', profiles: ['ceph'], codename: 'noble' });
    assert.deepEqual(a, b);
  });

  test('an rpm platform set from a fork drops every platform:dpkg entry', () => {
    const r = resolvePackages({ project: 'cinder', profiles: words('lvm ceph'), codename: 'noble', platform: platformProfiles('centos', 'stream', '9') });
    assert.deepEqual(r.apt, words('ceph-common libxml2 lvm2 python3-rbd'));
  });

  test('EXTRA_BINDEP files add packages; a file with a syntax error contributes nothing (bindep fails, `|| :`)', () => {
    const up = upstreamFiles();
    const extra = parseBindep('cowsay [cinder]\nfortune [platform:dpkg fun]\n');
    const broken = parseBindep('sl [cinder]\nbad[x]\n');
    const r = resolvePackages({ project: 'cinder', profiles: ['fun'], codename: 'noble', bindep: [up.bindep, extra, broken] });
    assert.deepEqual(r.apt, words('cowsay fortune libpcre3 libxml2'));
    assert.deepEqual(r.failed.map((f) => [f.kind, f.file === broken, f.reason]), [['bindep', true, 'syntax']]);
  });

  test('a PROFILES word that bindep takes for an option makes every call fail; -b is harmless', () => {
    const bad = resolvePackages({ project: 'cinder', profiles: ['-x', 'ceph'], codename: 'noble' });
    assert.deepEqual([bad.apt, bad.pip, bad.failed.map((f) => [f.kind, f.reason])], [[], [], [['bindep', 'command-line'], ['pydep', 'command-line']]]);
    const ok = resolvePackages({ project: 'cinder', profiles: ['-b', 'ceph'], codename: 'noble' });
    assert.deepEqual(ok.apt, words('ceph-common libpcre3 libxml2 python3-rados python3-rbd'));
  });
});

describe('REFERENCE §2.5: CI profiles that do nothing', () => {
  test('freezer: ceph lvm qemu scheduler', () => {
    const profiles = words('ceph lvm qemu scheduler');
    for (const t of profiles) assert.equal(profileEffect('freezer', t, { profiles }).none, true, t);
    assert.deepEqual(resolve('freezer', 'ceph lvm qemu scheduler'), resolve('freezer', ''));
    assert.equal(validProfileTokens().all.includes('scheduler'), false);
    assert.equal(nearestToken('scheduler', validProfileTokens().all), undefined);
  });

  test('blazar and zaqar: ldap', () => {
    assert.equal(profileEffect('blazar', 'ldap', { profiles: ['ldap'] }).none, true);
    assert.equal(profileEffect('zaqar', 'ldap', { profiles: ['ldap'] }).none, true);
    assert.equal(profileEffect('keystone', 'ldap', { profiles: ['ldap'] }).none, false);
  });

  test('keystone: stable/2025.x can never match', () => {
    assert.equal(tokenCanMatch('stable/2025.x'), false);
    assert.equal(profileEffect('keystone', 'stable/2025.x', { profiles: ['stable/2025.x'] }).none, true);
  });

  test('glance: lvm (R3 example)', () => {
    assert.equal(profileEffect('glance', 'lvm', { profiles: ['lvm'] }).none, true);
  });
});

describe('profileEffect', () => {
  test('combinations count: keystone mellon only with apache', () => {
    assert.equal(profileEffect('keystone', 'mellon', { profiles: ['mellon'] }).none, true);
    assert.deepEqual(profileEffect('keystone', 'mellon', { profiles: ['apache', 'mellon'] }).apt, ['libapache2-mod-auth-mellon']);
    assert.deepEqual(profileEffect('keystone', 'apache', { profiles: ['apache', 'openidc'] }).apt, words('apache2 libapache2-mod-auth-openidc libapache2-mod-wsgi-py3'));
  });

  test('a token can also remove packages (codename token through !jammy)', () => {
    assert.deepEqual(profileEffect('keystone', 'jammy', { profiles: ['ldap'], codename: 'focal' }), {
      token: 'jammy', apt: ['libldap-2.5-0'], pip: [], removedApt: ['libldap-2.4-2'], removedPip: [], none: false,
    });
  });

  test('pip-only and mixed effects', () => {
    assert.deepEqual(profileEffect('cinder', 'fluent'), { token: 'fluent', apt: [], pip: ['fluent-logger'], removedApt: [], removedPip: [], none: false });
    assert.deepEqual(profileEffect('nova', 'purestorage'), {
      token: 'purestorage', apt: words('multipath-tools open-iscsi sg3-utils'), pip: ['purestorage'], removedApt: [], removedPip: [], none: false,
    });
    assert.deepEqual(profileEffect('neutron', 'vpn').apt, ['strongswan']);
    assert.deepEqual(profileEffect('neutron', 'vpn').pip, ['neutron-vpnaas']);
  });
});

describe('validProfileTokens (REFERENCE §2.2)', () => {
  const v = validProfileTokens();

  test('bindep.txt classes', () => {
    assert.deepEqual(v.bindep, {
      projects: words('cinder glance horizon ironic keystone manila neutron nova octavia placement requirements'),
      profiles: words('apache ceph configdrive ipmi ipxe ldap linuxbridge lvm mellon migration nginx openidc openvswitch purestorage qemu tftp vpn'),
      codenames: words('jammy noble'),
      platform: words('platform:debian platform:dpkg platform:ubuntu platform:ubuntu-noble'),
    });
  });

  test('pydep.txt classes', () => {
    assert.deepEqual(v.pydep, {
      projects: words('cinder keystone neutron nova placement requirements'),
      profiles: words('baremetal fluent ldap purestorage vpn'),
      codenames: [],
      platform: [],
    });
  });

  test('union of valid user profile tokens, projects, codenames, pseudo-profile', () => {
    assert.deepEqual(v.profiles, words('apache baremetal ceph configdrive fluent ipmi ipxe ldap linuxbridge lvm mellon migration nginx openidc openvswitch purestorage qemu tftp vpn'));
    assert.equal(v.profiles.length, 19);
    assert.deepEqual(v.projects, words('cinder glance horizon ironic keystone manila neutron nova octavia placement requirements'));
    assert.deepEqual(v.codenames, ['jammy', 'noble']);
    assert.deepEqual(v.pseudo, ['mod_oauth2']);
    assert.equal(v.all.length, 19 + 11 + 2 + 1);
    assert.deepEqual([v.kind.get('ceph'), v.kind.get('nova'), v.kind.get('noble'), v.kind.get('mod_oauth2'), v.kind.get('platform:dpkg'), v.kind.get('qemu-utils')], ['profile', 'project', 'codename', 'pseudo', 'platform', undefined]);
  });

  test("a fork's EXTRA_BINDEP tokens join the inventory; extra projects are classified as projects", () => {
    const up = upstreamFiles();
    const extra = parseBindep('foo [(myservice gpu)]\n');
    const w = validProfileTokens([up.bindep, extra], undefined, ['myservice']);
    assert.equal(w.kind.get('gpu'), 'profile');
    assert.equal(w.kind.get('myservice'), 'project');
  });
});

describe('tokens: matchability and suggestions', () => {
  test('tokenCanMatch (R2)', () => {
    const yes = ['ceph', 'qemu-utils', 'platform:ubuntu-24.04', '2025.2', 'a'];
    const no = ['stable/2025.2', 'mod_oauth2', "'lvm", 'lvm,ceph', 'LVM', '"ceph"', '', 'ceph ', '!ceph'];
    for (const t of yes) assert.equal(tokenCanMatch(t), true, t);
    for (const t of no) assert.equal(tokenCanMatch(t), false, t);
  });

  test('nearestToken', () => {
    const all = validProfileTokens().all;
    const cases: [string, string | undefined][] = [
      ['qemu-utils', 'qemu'],
      ['LVM', 'lvm'],
      ["'lvm", 'lvm'],
      ['"ceph"', 'ceph'],
      ['lvm,ceph', 'lvm'],
      ['purestor', 'purestorage'],
      ['cehp', 'ceph'],
      ['openvswich', 'openvswitch'],
      ['ldpa', 'ldap'],
      ['mod-oauth2', 'mod_oauth2'],
      ['scheduler', undefined],
      ['stable/2025.x', undefined],
    ];
    for (const [t, want] of cases) assert.equal(nearestToken(t, all), want, t);
    assert.equal(nearestToken('x', []), undefined);
  });

  test('editDistance counts adjacent transpositions as one edit', () => {
    assert.equal(editDistance('cehp', 'ceph'), 1);
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('', 'abc'), 3);
  });

  test('splitWords keeps offsets and quotes', () => {
    assert.deepEqual(splitWords(" 'fluent  ceph'\tqemu\n"), [
      { token: "'fluent", start: 1, end: 8 },
      { token: "ceph'", start: 10, end: 15 },
      { token: 'qemu', start: 16, end: 20 },
    ]);
    assert.deepEqual(splitWords(''), []);
  });

  test('modOauth2Active: substring of PROFILES, keystone, x86_64', () => {
    assert.equal(modOauth2Active('keystone', 'apache mod_oauth2'), true);
    assert.equal(modOauth2Active('keystone', 'apache,mod_oauth2x'), true);
    assert.equal(modOauth2Active('glance', 'mod_oauth2'), false);
    assert.equal(modOauth2Active('keystone', 'mod_oauth2', 'aarch64'), false);
    assert.equal(modOauth2Active('keystone', 'apache'), false);
  });
});

describe('profilesForProject (derived from the data)', () => {
  const summary = (project: string) => profilesForProject(project).map((p) => [p.token, p.generic, p.needsOneOf]);

  test('cinder: ceph lvm qemu purestorage + generic apache fluent nginx, with what each adds', () => {
    assert.deepEqual(summary('cinder'), [
      ['apache', true, []], ['ceph', false, []], ['fluent', true, []], ['lvm', false, []], ['nginx', true, []], ['purestorage', false, []], ['qemu', false, []],
    ]);
    assert.deepEqual(profilesForProject('cinder').map((p) => [p.token, p.apt, p.pip]), [
      ['apache', ['apache2', 'libapache2-mod-wsgi-py3'], []],
      ['ceph', ['ceph-common', 'python3-rados', 'python3-rbd'], []],
      ['fluent', [], ['fluent-logger']],
      ['lvm', ['lvm2', 'tgt', 'thin-provisioning-tools'], []],
      ['nginx', ['nginx'], []],
      ['purestorage', ['multipath-tools', 'open-iscsi', 'sg3-utils'], ['purestorage']],
      ['qemu', ['qemu-utils'], []],
    ]);
  });

  test('glance: ceph qemu + generic apache fluent nginx', () => {
    assert.deepEqual(summary('glance'), [['apache', true, []], ['ceph', false, []], ['fluent', true, []], ['nginx', true, []], ['qemu', false, []]]);
  });

  test('keystone: ldap, and mellon/openidc only together with apache', () => {
    assert.deepEqual(summary('keystone'), [
      ['apache', true, []], ['fluent', true, []], ['ldap', false, []], ['mellon', false, ['apache']], ['nginx', true, []], ['openidc', false, ['apache']],
    ]);
    const mellon = profilesForProject('keystone').find((p) => p.token === 'mellon')!;
    assert.deepEqual(mellon.apt, ['libapache2-mod-auth-mellon']);
  });

  test('freezer: only the generic profiles; manila lvm adds lvm2 only', () => {
    assert.deepEqual(summary('freezer').map((s) => s[0]), ['apache', 'fluent', 'nginx']);
    assert.deepEqual(profilesForProject('manila').find((p) => p.token === 'lvm')!.apt, ['lvm2']);
  });

  test('ldap for keystone depends on the codename', () => {
    const jammy = profilesForProject('keystone', { codename: 'jammy' }).find((p) => p.token === 'ldap')!;
    assert.deepEqual(jammy.apt, ['libldap-2.5-0']);
  });
});
