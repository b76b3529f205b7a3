import { state, makeContext, makeDocument, pick, pickMany, acceptPicked, type, cancel, answer, Uri, type Prompt } from './vscode-mock';
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { registerScaffoldCommands, scaffoldCodeActions, IMAGE_STATE_KEY, MANIFESTS_STATE_KEY } from '../../client/src/scaffold';
import { scaffoldImage } from '../../server/src/core/scaffold/image';
import { scaffoldManifests } from '../../server/src/core/scaffold/manifests';
import { DEFAULT_PROFILES } from '../../server/src/core/scaffold/profiles';
import { t } from '../../server/src/core/messages/catalog';

beforeEach(() => {
  state.reset();
  state.workspaceFolders = [{ name: 'cloud', uri: Uri.file('/ws'), index: 0 }];
  state.dirs.add('/ws');
});

function setup() {
  const context = makeContext();
  state.commands.clear();
  state.codeActionProviders = [];
  registerScaffoldCommands(context as never);
  return { context, run: (id: string, ...args: unknown[]) => state.commands.get(id)!(...args) as Promise<boolean> };
}

function written(prefix: string): Record<string, string> {
  return Object.fromEntries([...state.files].filter(([p]) => p.startsWith(prefix)).map(([p, c]) => [p.slice(prefix.length), c]));
}

test('registers both commands and a code action provider for Dockerfile and YAML', () => {
  const { context } = setup();
  assert.deepEqual([...state.commands.keys()], ['dockyard.scaffoldImage', 'dockyard.scaffoldManifests']);
  assert.equal(state.codeActionProviders.length, 1);
  assert.deepEqual(state.codeActionProviders[0].selector, [{ language: 'dockerfile' }, { language: 'yaml' }, { language: 'dockercompose' }]);
  assert.equal(context.subscriptions.length, 3);
});

test('scaffold image: asks service, release, codename, registry, PROFILES, loci path, folder; writes and opens the script', async () => {
  const { run, context } = setup();
  state.answers = [pick('glance'), pick('2025.1'), pick('noble'), type('registry.local/os'), acceptPicked, type(), pick('cloud/glance-image')];
  assert.equal(await run('dockyard.scaffoldImage'), true);
  // PROFILES were pre-selected with the service's defaults; only effective profiles were offered
  const profiles = state.prompts[4];
  assert.equal(profiles.options.canPickMany, true);
  assert.deepEqual(profiles.items!.map((i) => i.label), ['fluent', 'ceph', 'qemu', 'apache', 'nginx']);
  assert.deepEqual(profiles.items!.filter((i) => i.picked).map((i) => i.label), [...DEFAULT_PROFILES.glance]);
  assert.equal(profiles.items!.find((i) => i.label === 'qemu')!.description, 'apt qemu-utils');
  // the files are exactly the generator's
  const expected = scaffoldImage({ service: 'glance', release: '2025.1', codename: 'noble', registry: 'registry.local/os', profiles: ['fluent', 'ceph', 'qemu'], lociPath: './loci' });
  assert.deepEqual(written('/ws/glance-image/'), Object.fromEntries(expected.files.map((f) => [f.path, f.content])));
  assert.deepEqual(state.shown, ['/ws/glance-image/build-glance.sh']);
  assert.deepEqual(state.infos, [t('scaffold.ui.written', { count: 4, folder: '/ws/glance-image' })]);
  assert.deepEqual(context.store.get(IMAGE_STATE_KEY), { release: '2025.1', codename: 'noble', registry: 'registry.local/os', lociPath: './loci', profiles: { glance: ['fluent', 'ceph', 'qemu'] } });
});

test('scaffold image: remembered choices come first and pre-fill the next run', async () => {
  const { run } = setup();
  state.answers = [pick('cinder'), pick('master'), pick('jammy'), type('localhost:5000'), pickMany('ceph', 'lvm'), type('../loci'), pick('cloud/cinder-image')];
  assert.equal(await run('dockyard.scaffoldImage'), true);
  state.prompts = [];
  // The folder offered is a new one: the first run's cinder-image exists, so cinder-image-2.
  state.answers = [pick('cinder'), pick('master'), pick('jammy'), type(), acceptPicked, type(), pick('cloud/cinder-image-2')];
  assert.equal(await run('dockyard.scaffoldImage'), true);
  assert.equal(state.prompts[1].items![0].label, 'master');
  assert.equal(state.prompts[2].items![0].label, 'jammy');
  assert.equal(state.prompts[3].options.value, 'localhost:5000');
  // table order (lvm before ceph), whatever the click order was
  assert.deepEqual(state.prompts[4].items!.filter((i) => i.picked).map((i) => i.label), ['lvm', 'ceph']);
  assert.equal(state.prompts[5].options.value, '../loci');
  assert.match(state.files.get('/ws/cinder-image-2/docker-compose.build.yaml')!, /PROFILES: lvm ceph$/m);
});

test('input boxes reject bad values with the catalog message', async () => {
  const { run } = setup();
  let seen: Prompt | undefined;
  state.answers = [pick('cinder'), pick('2025.2'), pick('noble'), (p) => ((seen = p), undefined)];
  assert.equal(await run('dockyard.scaffoldImage'), false);
  const validate = seen!.options.validateInput as (v: string) => string | null;
  assert.equal(validate('quay.io/airshipit'), null);
  assert.equal(validate('Not A Registry'), t('scaffold.option.badRegistry', { value: 'Not A Registry' }));
  assert.equal(state.files.size, 0);
});

test('cancelling at any step writes nothing', async () => {
  const steps = 7;
  for (let k = 0; k < steps; k++) {
    state.reset();
    state.dirs.add('/ws');
    const { run } = setup();
    const script = [pick('glance'), pick('2025.2'), pick('noble'), type(), acceptPicked, type(), pick('cloud/glance-image')];
    script[k] = cancel;
    state.answers = script.slice(0, k + 1);
    assert.equal(await run('dockyard.scaffoldImage'), false, `step ${k}`);
    assert.equal(state.files.size, 0, `step ${k}`);
  }
});

test('the folder offered is a new one (never an existing folder of the workspace, e.g. examples/ itself)', async () => {
  const { run } = setup();
  state.dirs.add('/ws/glance-manifests');
  state.dirs.add('/ws/glance-manifests-2');
  state.files.set('/ws/glance-manifests/glance-api.yaml', 'mine\n');
  let offered: string[] = [];
  state.answers = [pick('glance'), pick('file'), type(), type(), type(), (p) => ((offered = p.items!.map((i) => i.label)), p.items![0])];
  assert.equal(await run('dockyard.scaffoldManifests'), true);
  assert.deepEqual(offered, ['cloud/glance-manifests-3', t('scaffold.ui.browse')]);
  assert.equal(state.files.get('/ws/glance-manifests/glance-api.yaml'), 'mine\n');
  assert.ok(state.files.has('/ws/glance-manifests-3/glance-api.yaml'));
});

test('never overwrites without the modal "Overwrite?"; declining writes nothing at all', async () => {
  const { run } = setup();
  state.dirs.add('/ws/glance-manifests');
  state.files.set('/ws/glance-manifests/glance-api.yaml', 'mine\n');
  // An existing folder is reached only through "Choose a folder…".
  const existing = [pick(t('scaffold.ui.browse')), answer([Uri.file('/ws/glance-manifests')])];
  state.answers = [pick('glance'), pick('file'), type(), type(), type(), ...existing, cancel];
  assert.equal(await run('dockyard.scaffoldManifests'), false);
  const w = state.prompts.at(-1)!;
  assert.equal(w.kind, 'warning');
  assert.equal(w.message, t('scaffold.ui.overwriteQuestion', { count: 1, folder: '/ws/glance-manifests' }));
  assert.equal(w.options.modal, true);
  assert.equal(w.options.detail, 'glance-api.yaml');
  assert.deepEqual([...state.files.keys()], ['/ws/glance-manifests/glance-api.yaml']);
  // accepting overwrites
  state.answers = [pick('glance'), pick('file'), type(), type(), type(), ...existing, answer(t('scaffold.ui.overwrite'))];
  assert.equal(await run('dockyard.scaffoldManifests'), true);
  const expected = scaffoldManifests({ service: 'glance', backend: 'file' });
  assert.deepEqual(written('/ws/glance-manifests/'), Object.fromEntries(expected.files.map((f) => [f.path, f.content])));
  assert.deepEqual(state.shown, ['/ws/glance-manifests/glance-api.yaml']);
});

test('scaffold manifests: the default image follows the last image scaffold; choices are remembered', async () => {
  const { run, context } = setup();
  state.answers = [pick('cinder'), pick('2025.1'), pick('noble'), type('reg.example/os'), acceptPicked, type(), pick('cloud/cinder-image')];
  await run('dockyard.scaffoldImage');
  state.prompts = [];
  state.answers = [pick('cinder'), pick('lvm'), type('cloud'), type(), type('2'), pick('cloud/cinder-manifests')];
  assert.equal(await run('dockyard.scaffoldManifests'), true);
  assert.equal(state.prompts[3].options.value, 'reg.example/os/cinder:2025.1-ubuntu_noble_loci');
  const expected = scaffoldManifests({ service: 'cinder', backend: 'lvm', namespace: 'cloud', image: 'reg.example/os/cinder:2025.1-ubuntu_noble_loci', replicas: 2 });
  assert.deepEqual(written('/ws/cinder-manifests/'), Object.fromEntries(expected.files.map((f) => [f.path, f.content])));
  assert.deepEqual(context.store.get(MANIFESTS_STATE_KEY), { namespace: 'cloud', replicas: 2, backend: { cinder: 'lvm' }, image: { cinder: undefined } });
  // next time: lvm first, namespace and replicas pre-filled; a rejected replica count cannot be accepted
  state.prompts = [];
  let replicas: Prompt | undefined;
  state.answers = [pick('cinder'), pick('lvm'), type(), type(), (p) => ((replicas = p), undefined)];
  assert.equal(await run('dockyard.scaffoldManifests'), false);
  assert.equal(state.prompts[1].items![0].label, 'lvm');
  assert.equal(state.prompts[2].options.value, 'cloud');
  assert.equal(replicas!.options.value, '2');
  const v = replicas!.options.validateInput as (s: string) => string | null;
  assert.equal(v('0'), t('scaffold.option.badReplicas', { value: '0', max: 50 }));
  assert.equal(v('x'), t('scaffold.option.badReplicas', { value: 'x', max: 50 }));
  assert.equal(v('3'), null);
});

test('no workspace folder: the open dialog picks the target', async () => {
  const { run } = setup();
  state.workspaceFolders = [];
  state.dirs.add('/tmp/out');
  state.answers = [pick('glance'), pick('ceph'), type(), type(), type(), answer([Uri.file('/tmp/out')])];
  assert.equal(await run('dockyard.scaffoldManifests'), true);
  assert.equal(state.prompts.at(-1)!.kind, 'openDialog');
  assert.ok(state.files.has('/tmp/out/glance-api.yaml'));
});

test('code actions: offered only on empty or nearly empty Dockerfiles and YAML', () => {
  setup();
  const titles = (path: string, lang: string, text: string) => scaffoldCodeActions(makeDocument(path, lang, text) as never).map((a) => a.title);
  assert.deepEqual(titles('/ws/x/Dockerfile', 'dockerfile', ''), [t('scaffold.action.image', { service: 'cinder' }), t('scaffold.action.image', { service: 'glance' })]);
  assert.deepEqual(titles('/ws/x/glance.yaml', 'yaml', '# todo\n---\n'), [t('scaffold.action.manifests', { what: 'glance-api' }), t('scaffold.action.manifests', { what: 'cinder' })]);
  assert.deepEqual(titles('/ws/x/docker-compose.build.yaml', 'yaml', '\n'), [t('scaffold.action.image', { service: 'cinder' }), t('scaffold.action.image', { service: 'glance' })]);
  assert.deepEqual(titles('/ws/x/Dockerfile', 'dockerfile', 'FROM ubuntu:noble\n'), []);
  assert.deepEqual(titles('/ws/x/app.yaml', 'yaml', 'kind: Pod\n'), []);
  assert.deepEqual(titles('/ws/x/notes.txt', 'plaintext', ''), []);
  const [action] = scaffoldCodeActions(makeDocument('/ws/x/Dockerfile', 'dockerfile', '') as never);
  assert.equal(action.command!.command, 'dockyard.scaffoldImage');
  const args = action.command!.arguments![0] as { service: string; folder: Uri; here: Uri };
  assert.equal(args.service, 'cinder');
  assert.equal(args.folder.path, '/ws/x');
  assert.equal(args.here.path, '/ws/x/Dockerfile');
});

test('code action run: fills the nearly empty document in place, writes the rest beside it, no overwrite prompt for it', async () => {
  const { run } = setup();
  state.dirs.add('/ws/x');
  state.files.set('/ws/x/Dockerfile', '# site image\n');
  const doc = makeDocument('/ws/x/Dockerfile', 'dockerfile', '# site image\n');
  const [action] = scaffoldCodeActions(doc as never);
  state.answers = [pick('2025.2'), pick('noble'), type(), acceptPicked, type()];
  assert.equal(await run(action.command!.command, ...action.command!.arguments!), true);
  const expected = scaffoldImage({ service: 'cinder' });
  assert.deepEqual(written('/ws/x/'), Object.fromEntries(expected.files.map((f) => [f.path, f.content])));
  assert.equal(state.openDocs.get('/ws/x/Dockerfile')!.saved, true);
  assert.ok(!state.prompts.some((p) => p.kind === 'warning'));
});
