import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SHELL_CACHE_BOUNDS, shellBuilds, shellCacheStats } from '../../../server/src/core/loci/sources';
import { createProviders } from '../../../server/src/core/providers';

/** The caches belong to a service's providers: these tests use one of their own. */
const P = createProviders();

/** The loci shell-build cache is bounded by bytes (issue #12). Open bindep files are not cached: their rule and hover read them line by line (test/hardening/hover-bindep.test.ts). */
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
