import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FsLociDataProvider } from '../../server/src/host/loci-data';
import { lociDataFor } from '../../server/src/core/loci/provider';
import { createProviders } from '../../server/src/core/providers';
import { LOCI_PYDEP_TXT } from '../../server/src/core/loci/data';
import { analyzerWith, lint, only } from '../helpers';

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-loci-'));
}

describe('FsLociDataProvider', () => {
  test('reads bindep.txt / pydep.txt of a checkout; a missing one falls back to the bundled copy', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'bindep.txt'), 'libfoo [infiniband]\n');
    const p = new FsLociDataProvider();
    const d = p.get(dir, path.join(dir, 'x.sh'))!;
    assert.equal(d.source, dir);
    assert.deepEqual(d.bindep.entries.map((e) => e.package), ['libfoo']);
    assert.equal(d.pydep.text, LOCI_PYDEP_TXT);
    assert.equal(p.get(tmp(), '/x'), undefined);
  });

  test('re-reads a changed file and reports the change', () => {
    const dir = tmp();
    const f = path.join(dir, 'bindep.txt');
    fs.writeFileSync(f, 'a1 []\n');
    const p = new FsLociDataProvider();
    // Two services' providers over the same reader: both hear of the change.
    const [s1, s2] = [createProviders({ loci: p }), createProviders({ loci: p })];
    assert.equal(p.get(dir, '')!.bindep.entries[0].package, 'a1');
    const g = [s1.revision, s2.revision];
    fs.writeFileSync(f, 'b22 []\nc3 []\n');
    fs.utimesSync(f, new Date(), new Date(Date.now() + 5000));
    assert.equal(p.get(dir, '')!.bindep.entries[0].package, 'b22');
    assert.ok(s1.revision > g[0] && s2.revision > g[1]);
  });

  test('relative folders resolve against the nearest .dockyard.yaml, else the file', () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, 'loci'));
    fs.mkdirSync(path.join(root, 'deploy', 'images'), { recursive: true });
    fs.writeFileSync(path.join(root, 'loci', 'bindep.txt'), 'x1 []\n');
    fs.writeFileSync(path.join(root, '.dockyard.yaml'), 'loci:\n  path: loci\n');
    const p = new FsLociDataProvider();
    assert.equal(p.get('loci', path.join(root, 'deploy', 'images', 'build.sh'))?.source, path.join(root, 'loci'));
    assert.equal(p.extra('loci', 'bindep.txt', path.join(root, 'deploy', 'images', 'build.sh'))?.entries[0].package, 'x1');
  });

  test("end to end: a compose file next to a loci fork checkout uses the fork's profiles", () => {
    const root = tmp();
    fs.mkdirSync(path.join(root, 'loci'));
    fs.writeFileSync(path.join(root, 'loci', 'bindep.txt'), 'ibverbs-utils [(cinder infiniband)]\nlibxml2 []\n');
    const compose = path.join(root, 'compose.yaml');
    const text = 'services:\n  cinder:\n    build:\n      context: ./loci\n      args:\n        PROJECT: cinder\n        PROFILES: infiniband ceph\n';
    assert.deepEqual(only(lint(text, compose), 'loci-unknown-profile').map((f) => f.message.args?.token), ['infiniband']);
    const a = analyzerWith({ loci: new FsLociDataProvider() });
    assert.equal(lociDataFor(a.providers, [path.join(root, 'loci')], compose).source, path.join(root, 'loci'));
    // With the fork data, infiniband exists and ceph does not (the fork dropped it).
    assert.deepEqual(only(lint(text, compose, undefined, a), 'loci-unknown-profile').map((f) => f.message.args?.token), ['ceph']);
  });
});
