import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runScaffold, type ScaffoldIo } from '../../server/src/cli-scaffold';
import { scaffoldImage } from '../../server/src/core/scaffold/image';
import { scaffoldManifests } from '../../server/src/core/scaffold/manifests';
import { t } from '../../server/src/core/messages/catalog';

/** An in-memory file system with the io the CLI needs; records every write. */
function memIo(initial: Record<string, string> = {}, dirs: string[] = ['/', '/work']) {
  const files = new Map(Object.entries(initial));
  const folders = new Set(dirs);
  const out: string[] = [];
  const err: string[] = [];
  const writes: string[] = [];
  const executable = new Set<string>();
  const io: ScaffoldIo = {
    cwd: '/work',
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    exists: (p) => files.has(p) || folders.has(p),
    writeFile: (p, s, opts) => {
      assert.ok(p.startsWith(opts.root + '/'), `${p} outside ${opts.root}`);
      if (opts.executable) executable.add(p);
      const parent = p.slice(0, p.lastIndexOf('/')) || '/';
      if (!folders.has(parent)) throw new Error(`ENOENT: no such directory ${parent}`);
      if (folders.has(p)) throw new Error(`EISDIR: ${p}`);
      files.set(p, s);
      writes.push(p);
    },
    mkdir: (p) => {
      if (files.has(p)) throw new Error(`EEXIST: ${p} is a file`);
      const parts = p.split('/').filter(Boolean);
      for (let i = 1; i <= parts.length; i++) folders.add('/' + parts.slice(0, i).join('/'));
    },
  };
  return { io, files, out, err, writes, executable, stdout: () => out.join(''), stderr: () => err.join('') };
}

test('scaffold manifests glance: defaults, writes every file into glance-manifests/, prints each', () => {
  const m = memIo();
  assert.equal(runScaffold(['manifests', 'glance'], m.io), 0);
  const expected = scaffoldManifests({ service: 'glance' }).files;
  assert.deepEqual(m.writes, expected.map((f) => `/work/glance-manifests/${f.path}`));
  for (const f of expected) assert.equal(m.files.get(`/work/glance-manifests/${f.path}`), f.content);
  assert.equal(m.stderr(), '');
  const lines = m.stdout().trimEnd().split('\n');
  assert.deepEqual(lines.slice(0, -1), expected.map((f) => t('scaffold.cli.wrote', { path: `glance-manifests/${f.path}` })));
  assert.equal(lines.at(-1), t('scaffold.cli.nextManifests', { dir: 'glance-manifests', count: expected.length, service: 'glance' }));
});

test('scaffold manifests cinder: every option is passed through (both --opt value and --opt=value)', () => {
  const m = memIo();
  const args = ['manifests', 'cinder', '--out', 'deploy', '--namespace=cloud', '--image', 'reg.local/os/cinder:2025.1-ubuntu_noble_loci', '--backend=lvm', '--replicas', '2'];
  assert.equal(runScaffold(args, m.io), 0, m.stderr());
  const expected = scaffoldManifests({ service: 'cinder', namespace: 'cloud', image: 'reg.local/os/cinder:2025.1-ubuntu_noble_loci', backend: 'lvm', replicas: 2 }).files;
  for (const f of expected) assert.equal(m.files.get(`/work/deploy/${f.path}`), f.content, f.path);
  assert.equal(m.files.size, expected.length);
});

test('scaffold image cinder: options, absolute --out, and the script made executable', () => {
  const m = memIo();
  const args = ['image', 'cinder', '--out', '/tmp/b', '--release', '2025.1', '--codename', 'jammy', '--profiles', 'ceph  lvm', '--registry', 'registry.local:5000/os', '--base', 'ubuntu:22.04', '--loci-path', '../loci'];
  assert.equal(runScaffold(args, m.io), 0, m.stderr());
  const expected = scaffoldImage({ service: 'cinder', release: '2025.1', codename: 'jammy', profiles: ['ceph', 'lvm'], registry: 'registry.local:5000/os', base: 'ubuntu:22.04', lociPath: '../loci' }).files;
  for (const f of expected) assert.equal(m.files.get(`/tmp/b/${f.path}`), f.content, f.path);
  assert.deepEqual([...m.executable], ['/tmp/b/build-cinder.sh']);
  // outside the working directory: absolute paths in the output
  assert.match(m.stdout(), /^wrote \/tmp\/b\/docker-compose\.build\.yaml$/m);
  assert.equal(m.stdout().trimEnd().split('\n').at(-1), t('scaffold.cli.nextImage', { dir: '/tmp/b', script: 'build-cinder.sh', count: 4 }));
});

test('scaffold image glance --out . writes into the working directory', () => {
  const m = memIo();
  assert.equal(runScaffold(['image', 'glance', '--out', '.'], m.io), 0);
  assert.ok(m.files.has('/work/build-glance.sh'));
  assert.match(m.stdout(), /^wrote build-glance\.sh$/m);
  assert.match(m.stdout(), / in \.\. Next/);
});

test('refuses to overwrite: exit 2, names every existing file, writes nothing at all', () => {
  const m = memIo({ '/work/glance-manifests/glance-api.yaml': 'mine\n', '/work/glance-manifests/README.md': 'notes\n' }, ['/', '/work', '/work/glance-manifests']);
  assert.equal(runScaffold(['manifests', 'glance'], m.io), 2);
  assert.deepEqual(m.writes, []);
  assert.equal(m.files.get('/work/glance-manifests/glance-api.yaml'), 'mine\n');
  assert.equal(m.stdout(), '');
  assert.equal(
    m.stderr(),
    [
      t('scaffold.cli.exists', { path: 'glance-manifests/glance-api.yaml' }),
      t('scaffold.cli.exists', { path: 'glance-manifests/README.md' }),
      t('scaffold.cli.existsHint', { count: 2 }),
      '',
    ].join('\n'),
  );
  // --force overwrites
  assert.equal(runScaffold(['manifests', 'glance', '--force'], m.io), 0);
  assert.equal(m.files.get('/work/glance-manifests/glance-api.yaml'), scaffoldManifests({ service: 'glance' }).files.find((f) => f.path === 'glance-api.yaml')!.content);
});

function usage(args: string[]): { code: number; err: string; writes: number } {
  const m = memIo();
  const code = runScaffold(args, m.io);
  return { code, err: m.stderr(), writes: m.writes.length };
}

test('usage errors exit 2 with the reason and write nothing', () => {
  const cases: [string[], string][] = [
    [[], t('scaffold.cli.missingKind')],
    [['chart', 'cinder'], t('scaffold.cli.unknownKind', { value: 'chart' })],
    [['image'], t('scaffold.cli.missingService', { kind: 'image' })],
    [['image', 'nova'], t('scaffold.option.unknownService', { value: 'nova' })],
    [['image', 'cinder', 'glance'], t('scaffold.cli.extraArgument', { value: 'glance' })],
    [['image', 'cinder', '--backend', 'ceph'], t('scaffold.cli.unknownOption', { option: '--backend', kind: 'image' })],
    [['manifests', 'cinder', '--profiles', 'ceph'], t('scaffold.cli.unknownOption', { option: '--profiles', kind: 'manifests' })],
    [['manifests', 'cinder', '--namespace'], t('scaffold.cli.missingValue', { option: '--namespace' })],
    [['manifests', 'cinder', '--namespace', '--force'], t('scaffold.cli.missingValue', { option: '--namespace' })],
    [['manifests', 'cinder', '--force=yes'], t('scaffold.cli.noValue', { option: '--force' })],
    [['manifests', 'cinder', '--replicas', '1', '--replicas', '2'], t('scaffold.cli.repeatedOption', { option: '--replicas' })],
    [['manifests', 'cinder', '--replicas', 'two'], t('scaffold.option.badReplicas', { value: 'two', max: 50 })],
    [['manifests', 'cinder', '--replicas', '0'], t('scaffold.option.badReplicas', { value: '0', max: 50 })],
    [['manifests', 'glance', '--backend', 'lvm'], t('scaffold.option.badBackend', { value: 'lvm', service: 'glance', allowed: 'ceph, file' })],
    [['manifests', 'cinder', '--image', 'quay.io/airshipit/cinder:latest'], t('scaffold.option.unpinnedImage', { value: 'quay.io/airshipit/cinder:latest' })],
    [['manifests', 'cinder', '--namespace', 'Open_Stack'], t('scaffold.option.badNamespace', { value: 'Open_Stack' })],
    [['image', 'glance', '--profiles', 'fluent ceph qemu-utils'], t('scaffold.option.profileUnknownSuggest', { value: 'qemu-utils', suggestion: 'qemu' })],
    [['image', 'glance', '--release', 'caracal'], t('scaffold.option.badRelease', { value: 'caracal' })],
    [['image', 'glance', '--codename', 'focal'], t('scaffold.option.badCodename', { value: 'focal', allowed: 'noble, jammy' })],
    [['image', 'glance', '--registry', 'Not A Registry'], t('scaffold.option.badRegistry', { value: 'Not A Registry' })],
  ];
  for (const [args, reason] of cases) {
    const r = usage(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.writes, 0, args.join(' '));
    assert.equal(r.err.split('\n')[0], t('scaffold.cli.error', { detail: reason }), args.join(' '));
  }
});

test('several option problems are all reported', () => {
  const r = usage(['image', 'cinder', '--release', 'x', '--codename', 'y', '--profiles', 'lvm,ceph']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.err.trimEnd().split('\n'), [
    t('scaffold.cli.error', { detail: t('scaffold.option.badRelease', { value: 'x' }) }),
    t('scaffold.cli.error', { detail: t('scaffold.option.badCodename', { value: 'y', allowed: 'noble, jammy' }) }),
    t('scaffold.cli.error', { detail: t('scaffold.option.profileUnmatchable', { value: 'lvm,ceph' }) }),
  ]);
});

test('--help prints the usage and exits 0, also after a subcommand', () => {
  for (const args of [['--help'], ['image', '--help'], ['manifests', 'cinder', '-h'], ['help']]) {
    const m = memIo();
    assert.equal(runScaffold(args, m.io), 0);
    assert.equal(m.stdout(), t('scaffold.cli.help') + '\n');
    assert.equal(m.writes.length, 0);
  }
});

test('a write that fails is reported with the path (exit 2)', () => {
  const m = memIo({ '/work/out': 'a file, not a folder\n' });
  assert.equal(runScaffold(['manifests', 'glance', '--out', 'out'], m.io), 2);
  assert.match(m.stderr(), /^cannot write out\/glance-etc\.yaml: ENOENT/m);
  assert.equal(m.files.get('/work/out'), 'a file, not a folder\n');
});

test('--profiles "" builds without profiles', () => {
  const m = memIo();
  assert.equal(runScaffold(['image', 'cinder', '--profiles', ''], m.io), 0, m.stderr());
  assert.match(m.files.get('/work/cinder-image/docker-compose.build.yaml')!, /^ {8}PROFILES: ""$/m);
  assert.match(m.files.get('/work/cinder-image/build-cinder.sh')!, /--build-arg PROFILES='' \\/);
});
