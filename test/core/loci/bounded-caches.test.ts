import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BINDEP_CACHE_BOUNDS, bindepCacheStats, bindepCost, clearBindepCache, parseBindepCached } from '../../../server/src/core/loci/bindep-cache';
import { parseBindep } from '../../../server/src/core/loci/bindep';
import { SHELL_CACHE_BOUNDS, shellBuilds, shellCacheStats } from '../../../server/src/core/loci/sources';
import { createProviders } from '../../../server/src/core/providers';

/** The caches belong to a service's providers: these tests use one of their own. */
const P = createProviders();

/** The loci caches are bounded by bytes (issue #12: a closed 19 MB bindep file stayed at ~2 GB of heap). */
const ROOT = process.env.DOCKYARD_ROOT ?? join(__dirname, '..', '..', '..', '..');
const BINDEP = readFileSync(join(ROOT, 'data/loci/bindep.txt'), 'utf8');

function bindepText(chars: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < chars; i++) {
    const line = `pkg-${i}-${BINDEP.slice(0, 400).split('\n')[i % 8]}\n`;
    parts.push(line);
    n += line.length;
  }
  return parts.join('');
}

test('a 19 MB bindep text goes through the cache and is not kept: the accounted bytes stay within the bound', () => {
  clearBindepCache(P);
  parseBindepCached(BINDEP, P); // a small file that stays
  const small = bindepCacheStats(P);
  assert.equal(small.entries, 1);
  assert.ok(small.bytes > 0 && small.bytes <= BINDEP_CACHE_BOUNDS.maxBytes);

  let text: string | undefined = bindepText(19 * 1024 * 1024);
  const f = parseBindepCached(text, P);
  assert.ok(f.entries.length > 200_000, `${f.entries.length} entries`);
  assert.ok(bindepCost(f) > BINDEP_CACHE_BOUNDS.maxBytes, 'its estimated cost is over the bound');
  text = undefined; // the editor closed it: nothing but the cache could hold it now
  const after = bindepCacheStats(P);
  assert.ok(after.bytes <= BINDEP_CACHE_BOUNDS.maxBytes, `${after.bytes} bytes accounted`);
  assert.deepEqual(after, small, 'the small file is still cached, the big one is not');
  assert.equal(parseBindepCached(BINDEP, P), parseBindepCached(BINDEP, P), 'hits return the cached parse');
  clearBindepCache(P);
  assert.deepEqual(bindepCacheStats(P), { bytes: 0, entries: 0 });
});

test('many mid-sized bindep texts: the cache keeps the most recent ones within bytes and entries', () => {
  clearBindepCache(P);
  const texts = Array.from({ length: 12 }, (_, i) => bindepText(300_000) + `extra-${i}\n`);
  const parsed = texts.map((t) => parseBindepCached(t, P));
  const s = bindepCacheStats(P);
  assert.ok(s.bytes <= BINDEP_CACHE_BOUNDS.maxBytes, `${s.bytes} bytes`);
  assert.ok(s.entries <= BINDEP_CACHE_BOUNDS.maxEntries && s.entries >= 1, `${s.entries} entries`);
  assert.equal(parseBindepCached(texts[11], P), parsed[11], 'the most recent is a hit');
  assert.notEqual(parseBindepCached(texts[0], P), parsed[0], 'the oldest was dropped (a new parse)');
  clearBindepCache(P);
});

test('the cost estimate is of the order of the measured heap (~30 bytes per character of loci-style text)', () => {
  const text = bindepText(200_000);
  const cost = bindepCost(parseBindep(text));
  assert.ok(cost > 15 * text.length && cost < 60 * text.length, `${cost / text.length} bytes per character`);
});

test('the shell-build cache is bounded by bytes and entries', () => {
  const script = (i: number, pad: number) => `#!/bin/sh\n# ${'x'.repeat(pad)}\ndocker build . --build-arg PROJECT=nova${i} --build-arg PROFILES="fluent" -t nova${i}\n`;
  for (let i = 0; i < 40; i++) shellBuilds(script(i, 100), P);
  let s = shellCacheStats(P);
  assert.ok(s.entries <= SHELL_CACHE_BOUNDS.maxEntries, `${s.entries} entries`);
  assert.ok(s.bytes <= SHELL_CACHE_BOUNDS.maxBytes);
  const huge = script(99, SHELL_CACHE_BOUNDS.maxBytes); // text alone over the bound
  assert.equal(shellBuilds(huge, P).length, 1);
  s = shellCacheStats(P);
  assert.ok(s.bytes <= SHELL_CACHE_BOUNDS.maxBytes, `${s.bytes} bytes accounted`);
});
