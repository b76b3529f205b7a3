import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bindepErrors, parseBindep } from '../../../server/src/core/loci/bindep';
import { SHELL_CACHE_BOUNDS, shellBuilds, shellCacheStats } from '../../../server/src/core/loci/sources';
import { createProviders } from '../../../server/src/core/providers';

/** The caches belong to a service's providers: these tests use one of their own. */
const P = createProviders();

/** The loci caches are bounded by bytes (issue #12: a closed 19 MB bindep file stayed at ~2 GB of heap; bindep files are no longer cached at all). */
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

test('bindep-syntax reads a bindep text line by line: the same errors as a whole-file parse, without a model of the file', () => {
  const text = bindepText(200_000) + 'Bad_Name [platform:dpkg\nok-pkg [platform:rpm (nested (x))]\nlast-pkg';
  const whole = parseBindep(text);
  assert.ok(whole.entries.length > 2_000, `${whole.entries.length} entries`);
  const errors = bindepErrors(text);
  assert.ok(errors.length >= 3, `${errors.length} errors`);
  assert.deepEqual(errors, whole.errors);
  assert.deepEqual(bindepErrors(BINDEP), [], "loci's own bindep.txt has no syntax error");
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
