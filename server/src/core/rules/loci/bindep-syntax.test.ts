import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only, r } from '../../../../../test/helpers';
import { LOCI_BINDEP_TXT, LOCI_PYDEP_TXT } from '../../loci/data';

describe('bindep-syntax', () => {
  test('loci\'s own bindep.txt and pydep.txt are clean', () => {
    assert.deepEqual(lint(LOCI_BINDEP_TXT, '/ws/loci/bindep.txt'), []);
    assert.deepEqual(lint(LOCI_PYDEP_TXT, '/ws/loci/pydep.txt'), []);
  });

  test('each parse error is reported with its exact range and message', () => {
    const text = 'good [cinder]\n  indented\nfoo [Bad]\nbar [(a (b))]\nbaz  [x] # two spaces are fine\nqux [a] >=1.0 \nlast [x]';
    const f = only(lint(text, '/ws/loci/bindep-extra.txt'), 'bindep-syntax');
    assert.deepEqual(
      f.map((x) => [r(x), x.message.id, x.severity]),
      [
        [[1, 0, 1, 2], 'loci.bindepSyntax.leading-whitespace', 'error'],
        [[2, 5, 2, 8], 'loci.bindepSyntax.bad-token-character', 'error'],
        [[3, 8, 3, 9], 'loci.bindepSyntax.nested-group', 'error'],
        [[5, 13, 5, 14], 'loci.bindepSyntax.trailing-whitespace', 'error'],
        [[6, 8, 6, 8], 'loci.bindepSyntax.missing-final-newline', 'error'],
      ],
    );
    assert.deepEqual(f[1].message.args, { text: 'Bad' });
  });

  test('pydep files and suffixed names are routed to the rule too', () => {
    assert.equal(only(lint('x\n', '/ws/pydep-site.txt'), 'bindep-syntax').length, 1);
    assert.equal(only(lint('good [x]\n', '/ws/bindep-site.txt'), 'bindep-syntax').length, 0);
  });

  test('a dockyard-ignore comment with a reason suppresses it', () => {
    assert.deepEqual(lint('# dockyard-ignore bindep-syntax: vendored file\n  indented\n', '/ws/bindep.txt'), []);
  });
});
