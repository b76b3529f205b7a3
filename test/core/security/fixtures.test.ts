import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lines, roundTrip, sec } from './helpers';

const dir = join(process.env.DOCKYARD_ROOT ?? process.cwd(), 'test/fixtures/security');
const load = (name: string) => readFileSync(join(dir, name), 'utf8');

test('cinder-volume (LVM/iSCSI): exactly these findings, the reasoned suppressions honoured', () => {
  assert.deepEqual(lines(sec(load('cinder-volume.yaml'))), [
    ['secret-in-manifest', 9],
    ['service-account-token', 33],
    ['host-namespace', 39],
    ['missing-resource-limits', 44],
    ['capabilities-not-dropped', 47],
    ['run-as-root', 47],
    ['seccomp-unconfined', 47],
    ['capabilities-not-dropped', 67],
    ['privilege-escalation', 67],
    ['run-as-root', 67],
    ['seccomp-unconfined', 67],
    ['writable-host-mount', 90],
    ['writable-host-mount', 93],
    ['writable-host-mount', 95],
    ['host-path-volume', 112],
    ['sensitive-host-path', 114],
    ['host-path-volume', 115],
    ['host-path-volume', 119],
    ['sensitive-host-path', 121],
    ['host-path-volume', 122],
    ['sensitive-host-path', 124],
  ]);
});

test('cinder-volume at pss: baseline keeps only the baseline and level-free findings', () => {
  assert.deepEqual(lines(sec(load('cinder-volume.yaml'), { pss: 'baseline' })), [
    ['secret-in-manifest', 9],
    ['service-account-token', 33],
    ['host-namespace', 39],
    ['missing-resource-limits', 44],
    ['writable-host-mount', 90],
    ['writable-host-mount', 93],
    ['writable-host-mount', 95],
    ['host-path-volume', 112],
    ['sensitive-host-path', 114],
    ['host-path-volume', 115],
    ['host-path-volume', 119],
    ['sensitive-host-path', 121],
    ['host-path-volume', 122],
    ['sensitive-host-path', 124],
  ]);
});

test('glance-api: only the missing limits of the API container', () => {
  assert.deepEqual(lines(sec(load('glance-api.yaml'))), [['missing-resource-limits', 68]]);
});

test('insecure manifest: exactly these findings', () => {
  assert.deepEqual(lines(sec(load('insecure.yaml'))), [
    ['apparmor-unconfined', 6],
    ['host-namespace', 8],
    ['service-account-token', 9],
    ['run-as-root', 11],
    ['seccomp-unconfined', 13],
    ['unsafe-sysctl', 15],
    ['missing-resource-limits', 20],
    ['image-latest-tag', 21],
    ['writable-root-filesystem', 22],
    ['privileged-container', 23],
    ['privilege-escalation', 24],
    ['run-as-root', 25],
    ['proc-mount-unmasked', 26],
    ['selinux-options', 28],
    ['capabilities-not-dropped', 29],
    ['dangerous-capability', 30],
    ['capabilities-not-dropped', 30],
    ['exposed-control-plane-port', 33],
    ['host-port', 33],
    ['env-var-secret', 35],
    ['host-probe', 39],
    ['writable-host-mount', 43],
    ['writable-host-mount', 45],
    ['mount-propagation', 47],
    ['host-path-volume', 51],
    ['runtime-socket-mount', 53],
    ['host-path-volume', 54],
    ['sensitive-host-path', 56],
    ['restricted-volume-type', 57],
    ['rbac-secrets-access', 68],
    ['rbac-pod-exec', 68],
    ['rbac-wildcard', 70],
    ['rbac-pod-exec', 71],
    ['rbac-secrets-access', 71],
    ['rbac-wildcard', 71],
    ['rbac-wildcard', 72],
    ['rbac-cluster-admin-binding', 86],
    ['sensitive-configmap', 95],
    ['exposed-control-plane-port', 112],
    ['secret-in-manifest', 119],
    ['host-process', 132],
    ['host-namespace', 134],
  ]);
});

/** Fixes whose result legitimately brings another rule's finding (a new container securityContext, a volume type change …). */
const EXPECTED_NEW: Record<string, string[]> = {
  // replacing hostPath by emptyDir removes the hostPath; nothing new expected
  'host-path-volume': [],
};

for (const name of ['cinder-volume.yaml', 'glance-api.yaml', 'insecure.yaml']) {
  test(`${name}: every quick fix round-trips (parses, finding gone, nothing new)`, () => {
    const text = load(name);
    let fixes = 0;
    for (const config of [{}, { pss: 'baseline' as const }]) {
      for (const f of sec(text, config)) {
        for (let i = 0; i < (f.fixes?.length ?? 0); i++) {
          roundTrip(text, f, { config, fix: i, allowNew: EXPECTED_NEW[f.rule] });
          fixes++;
        }
      }
    }
    assert.ok(fixes > 0);
  });
}

test('fix-all on the fixtures: every fix-all edit applied together still parses and clears those findings', async () => {
  const { applyEdits } = await import('../../../server/src/core/text');
  const { parseAllDocuments } = await import('yaml');
  for (const name of ['cinder-volume.yaml', 'glance-api.yaml', 'insecure.yaml']) {
    const text = load(name);
    const before = sec(text);
    const edits = before.flatMap((f) => f.fixes?.filter((x) => x.tier === 'safe').flatMap((x) => x.edits) ?? []);
    const fixed = applyEdits(text, edits);
    for (const d of parseAllDocuments(fixed)) assert.deepEqual(d.errors, [], name);
    const after = sec(fixed);
    const fixAllBefore = before.filter((f) => f.fixes?.some((x) => x.tier === 'safe'));
    for (const f of fixAllBefore) {
      assert.ok(after.filter((x) => x.rule === f.rule && JSON.stringify(x.message) === JSON.stringify(f.message)).length < before.filter((x) => x.rule === f.rule && JSON.stringify(x.message) === JSON.stringify(f.message)).length || !after.some((x) => x.rule === f.rule && JSON.stringify(x.message) === JSON.stringify(f.message)), `${name}: ${f.rule} survived fix-all`);
    }
    const beforeKeys = new Set(before.map((f) => f.rule + JSON.stringify(f.message)));
    assert.deepEqual(after.filter((f) => !beforeKeys.has(f.rule + JSON.stringify(f.message))).map((f) => f.rule), [], name);
  }
});
