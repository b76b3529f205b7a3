import { test } from 'node:test';
import { GOOD, sec } from './helpers';
import assert from 'node:assert/strict';

test('the hardened pod passes every security rule at restricted and baseline', () => {
  assert.deepEqual(sec(GOOD), []);
  assert.deepEqual(sec(GOOD, { pss: 'baseline' }), []);
});
