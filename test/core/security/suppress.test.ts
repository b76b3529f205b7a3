import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint, only } from '../../helpers';
import { LineIndex } from '../../../server/src/core/text';
import { SECURITY_IDS, sec } from './helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURE = join(process.env.DOCKYARD_ROOT ?? process.cwd(), 'test/fixtures/security/insecure.yaml');

/** Insert `# dockyard-ignore <rule>: reason` above a finding's first line, indented like that line. */
function suppressAt(text: string, line: number, rule: string): string {
  const idx = new LineIndex(text);
  const l = idx.lineText(line);
  const indent = /^\s*/.exec(l)![0];
  const off = idx.lineStarts[line];
  return text.slice(0, off) + `${indent}# dockyard-ignore ${rule}: reviewed in SEC-42\n` + text.slice(off);
}

test('the insecure fixture gives a finding of every security rule (so the next test covers them all)', () => {
  const found = new Set(sec(readFileSync(FIXTURE, 'utf8')).map((f) => f.rule));
  assert.deepEqual(SECURITY_IDS.filter((id) => !found.has(id)), []);
});

for (const rule of SECURITY_IDS) {
  test(`# dockyard-ignore ${rule} above the finding's range suppresses it`, () => {
    const text = readFileSync(FIXTURE, 'utf8');
    const findings = only(lint(text), rule);
    assert.ok(findings.length > 0);
    const target = findings[0];
    const suppressed = suppressAt(text, target.range.start.line, rule);
    const after = only(lint(suppressed), rule);
    assert.equal(after.length, findings.length - 1 - findings.slice(1).filter((f) => f.range.start.line === target.range.start.line).length);
    assert.ok(!after.some((f) => f.range.start.line === target.range.start.line + 1 && f.message.id === target.message.id && JSON.stringify(f.message.args) === JSON.stringify(target.message.args)));
    assert.deepEqual(only(lint(suppressed), 'suppression-without-reason'), []);
    assert.deepEqual(only(lint(suppressed), 'unknown-rule-in-suppression'), []);
  });
}
