// Issue #12: patterns from repository configuration run in a linear-time engine (RE2JS).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePattern, matchesAnyPattern } from '../../server/src/core/util/patterns';
import { parseConfigObject } from '../../server/src/core/config/config';
import { isLociImage } from '../../server/src/core/model/dockerfile-stages';
import { lint, only } from '../helpers';

test('a catastrophic-backtracking pattern is matched by RE2 (no exponential blow-up, no hang)', () => {
  // With JavaScript's RegExp, ^(a+)+$ against 40 a's and a b takes longer than the age of the
  // universe; RE2 answers in linear time. (0.1 blocked the server 31 s per edit at 30 characters.)
  const evil = 'a'.repeat(40) + 'b';
  assert.equal(matchesAnyPattern(['^(a+)+$'], evil), false);
  assert.equal(matchesAnyPattern(['^(a+)+$'], 'aaaa'), true);
  assert.equal(isLociImage(evil, ['^(a+)+$', '(x|x)*y']), false);
});

test('patterns keep RegExp.test semantics: unanchored unless anchored, case-sensitive', () => {
  assert.equal(matchesAnyPattern(['loci/base'], 'registry.example.com/loci/base:2025.2'), true);
  assert.equal(matchesAnyPattern(['^loci'], 'registry.example.com/loci'), false);
  assert.equal(matchesAnyPattern(['^registry\\.acme\\.example/'], 'registry.acme.example/x'), true);
  assert.equal(matchesAnyPattern(['LOCI'], 'loci'), false);
  assert.equal(matchesAnyPattern(['(?i)LOCI'], 'loci'), true);
});

test('invalid or unsupported patterns are config problems (visible), and never match', () => {
  const { problems, config } = parseConfigObject({ loci: { baseImagePatterns: ['(?<=x)y', 'ok/.*', '(unclosed'] } });
  assert.deepEqual(config.loci?.baseImagePatterns, ['(?<=x)y', 'ok/.*', '(unclosed']);
  assert.deepEqual(problems.map((p) => [p.id, p.args?.pattern]), [
    ['core.config.badPattern', '(?<=x)y'],
    ['core.config.badPattern', '(unclosed'],
  ]);
  assert.ok('error' in compilePattern('x'.repeat(1001)));
  assert.equal(matchesAnyPattern(['(unclosed', 'ok/'], 'ok/base'), true);
});

test('a Dockerfile FROM checked against a hostile configured pattern still gets its findings', () => {
  const text = `FROM ${'a'.repeat(30)}b:1.0\nRUN make\n`;
  const findings = lint(text, '/ws/Dockerfile', { loci: { baseImagePatterns: ['^(a+)+$'] } });
  assert.deepEqual(only(findings, 'root-user').map((f) => f.message.id), ['rule.root-user.noUser']);
});

test('.gitignore patterns from the repository are matched in linear time too', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { walk } = await import('../../server/src/host/files');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-gitignore-'));
  try {
    // 0.1 compiled this to (^|/).*a.*a…a.*b(/.*)?$ for the backtracking RegExp engine: a long file
    // name without a `b` took time of the order of length^12.
    fs.writeFileSync(path.join(dir, '.gitignore'), `${'**a'.repeat(12)}**b\nignored.yaml\n`);
    const long = 'a'.repeat(200) + '.yaml';
    fs.writeFileSync(path.join(dir, long), 'x: 1\n');
    fs.writeFileSync(path.join(dir, 'ignored.yaml'), 'x: 1\n');
    fs.writeFileSync(path.join(dir, 'kept.yaml'), 'x: 1\n');
    const seen: string[] = [];
    walk(dir, (p) => seen.push(path.basename(p)));
    assert.deepEqual(seen.sort(), [long, 'kept.yaml'].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('.gitignore: the literal pre-check skips only paths that cannot match (`**/x`, `*.ext`, negation, anchored, nested)', async () => {
  const fs = await import('node:fs');
  const os = await import('node:os');
  const path = await import('node:path');
  const { walk } = await import('../../server/src/host/files');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockyard-gitignore-lit-'));
  try {
    const put = (rel: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), 'x: 1\n');
    };
    // `**/` drops its slash: `**/.vagrant` ignores a root-level `.vagrant` too (the literal is `.vagrant`, not `/.vagrant`).
    fs.writeFileSync(path.join(dir, '.gitignore'), '**/.vagrant\n*.lock.yaml\n!keep.lock.yaml\n/top/only.yaml\nsub/*/deep.yaml\nb?d.yaml\n');
    for (const f of ['.vagrant/a.yaml', 'x/.vagrant/b.yaml', 'x.lock.yaml', 'keep.lock.yaml', 'top/only.yaml', 'y/top/only.yaml', 'sub/q/deep.yaml', 'sub/deep.yaml', 'bad.yaml', 'bd.yaml', 'ok.yaml']) put(f);
    const seen: string[] = [];
    walk(dir, (p) => seen.push(path.relative(dir, p).split(path.sep).join('/')));
    assert.deepEqual(seen.sort(), ['bd.yaml', 'keep.lock.yaml', 'ok.yaml', 'sub/deep.yaml', 'y/top/only.yaml']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
