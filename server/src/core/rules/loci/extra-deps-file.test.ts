import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzerWith, only } from '../../../../../test/helpers';
import { parseBindep } from '../../loci/bindep';
import { argValueAt, FORMS, lintForm, ruleFindings } from '../../../../../test/core/loci/forms';

describe('loci-extra-deps-file (R19)', () => {
  const RULE = 'loci-extra-deps-file';
  for (const form of FORMS) {
    test(`${form}: names loci's globs skip, or read as the other kind`, () => {
      const r = lintForm(form, { args: { EXTRA_BINDEP: 'extra/site-packages.txt', EXTRA_PYDEP: 'extra/bindep-py.txt' } });
      assert.deepEqual(ruleFindings(r.findings, RULE), [
        { range: argValueAt(r.text, form, 'EXTRA_BINDEP', 'extra/site-packages.txt'), id: 'rule.loci-extra-deps-file.ignored', severity: 'warning', args: { arg: 'EXTRA_BINDEP', file: 'extra/site-packages.txt', prefix: 'bindep' } },
        { range: argValueAt(r.text, form, 'EXTRA_PYDEP', 'extra/bindep-py.txt'), id: 'rule.loci-extra-deps-file.swapped', severity: 'warning', args: { arg: 'EXTRA_PYDEP', file: 'extra/bindep-py.txt', other: 'bindep' } },
      ]);
    });
    test(`${form}: well-named files are fine`, () => {
      assert.deepEqual(only(lintForm(form, { args: { EXTRA_BINDEP: 'extra/bindep-site.txt', EXTRA_PYDEP: 'pydep-site.txt' } }).findings, RULE), []);
    });
    test(`${form}: an extra file with bindep syntax errors (read through the provider)`, () => {
      const a = analyzerWith({ loci: { get: () => undefined, extra: (_dir, rel) => (rel === 'bindep-site.txt' ? parseBindep('good [x]\n  bad\n') : undefined) } });
      const r = lintForm(form, { args: { EXTRA_BINDEP: 'bindep-site.txt' } }, {}, a);
      assert.deepEqual(ruleFindings(r.findings, RULE).map((x) => [x.range, x.id, x.args?.line]), [[argValueAt(r.text, form, 'EXTRA_BINDEP', 'bindep-site.txt'), 'rule.loci-extra-deps-file.syntax', 2]]);
    });
  }
});
