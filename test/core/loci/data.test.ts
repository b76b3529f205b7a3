import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { LOCI_BINDEP_TXT, LOCI_BLOBS, LOCI_COMMIT, LOCI_PYDEP_TXT } from '../../../server/src/core/loci/data';

function repoRoot(): string {
  let d = __dirname;
  while (!existsSync(join(d, 'data', 'loci', 'bindep.txt'))) {
    const up = dirname(d);
    if (up === d) throw new Error('repository root not found');
    d = up;
  }
  return d;
}

const read = (name: string) => readFileSync(join(repoRoot(), 'data', 'loci', name));
const gitBlobId = (buf: Buffer) => createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');

test('embedded bindep.txt equals data/loci/bindep.txt byte for byte', () => {
  assert.deepEqual(Buffer.from(LOCI_BINDEP_TXT, 'utf8'), read('bindep.txt'));
});

test('embedded pydep.txt equals data/loci/pydep.txt byte for byte', () => {
  assert.deepEqual(Buffer.from(LOCI_PYDEP_TXT, 'utf8'), read('pydep.txt'));
});

test('data/loci files are the upstream blobs named in SOURCE.md', () => {
  assert.equal(LOCI_COMMIT, '3069ce166cf8de406ff7bcd3039393e48d314e05');
  assert.equal(gitBlobId(read('bindep.txt')), LOCI_BLOBS.bindep);
  assert.equal(gitBlobId(read('pydep.txt')), LOCI_BLOBS.pydep);
  assert.equal(LOCI_BLOBS.bindep, 'd86187750ae07640c0c22c458d154ddd03c2dcea');
  assert.equal(LOCI_BLOBS.pydep, '5d4c2f720df2769990fac93f3cbceab3b9d8c563');
  assert.equal(createHash('sha256').update(read('bindep.txt')).digest('hex'), '29794f3bc686558ef7b548c67bb4d195decbaa27085643fb3de7fbf096e6b732');
  assert.equal(createHash('sha256').update(read('pydep.txt')).digest('hex'), 'ad9913fa10a25cac0e65fcf7b126c9b6f48e279f65dcb31b9696676846abaccd');
  const source = read('SOURCE.md').toString('utf8');
  for (const id of [LOCI_COMMIT, LOCI_BLOBS.bindep, LOCI_BLOBS.pydep]) assert.ok(source.includes(id), id);
});
