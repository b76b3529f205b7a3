import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RuleRegistry, type Rule } from '../../../server/src/core/rules/registry';
import { createRegistry } from '../../../server/src/core/rules';
import { LOCI_RULES } from '../../../server/src/core/rules/loci';

test('one rule id may be registered once per target (loci rules judge Dockerfiles, YAML and scripts)', () => {
  const base = { id: 'x', category: 'loci', defaultSeverity: 'warning' } as const;
  const reg = new RuleRegistry([
    { ...base, target: 'shell', check: () => undefined },
    { ...base, target: 'dockerfile', check: () => undefined },
  ] as Rule[]);
  assert.deepEqual(reg.ids(), ['x']);
  assert.equal(reg.of('shell').length, 1);
  assert.throws(() => reg.add({ ...base, target: 'shell', check: () => undefined } as Rule), /duplicate rule id x/);
});

test('the loci rule ids, each on every place build arguments are written', () => {
  const ids = [...new Set(LOCI_RULES.map((r) => r.id))].sort();
  assert.deepEqual(ids, [
    'bindep-syntax', 'loci-arg-value', 'loci-base-image', 'loci-deprecated-arg', 'loci-extra-deps-file', 'loci-keep-all-wheels',
    'loci-missing-project', 'loci-profile-no-effect', 'loci-ref-format', 'loci-target-mismatch', 'loci-unknown-profile', 'loci-wheels',
  ]);
  for (const id of ids.filter((i) => i !== 'bindep-syntax')) {
    assert.deepEqual(LOCI_RULES.filter((r) => r.id === id).map((r) => r.target).sort(), ['dockerfile', 'shell', 'yaml-document'], id);
  }
  assert.deepEqual(LOCI_RULES.filter((r) => r.id === 'bindep-syntax').map((r) => r.target), ['bindep']);
  const reg = createRegistry();
  for (const id of ids) assert.equal(reg.meta(id)?.category, 'loci');
});
