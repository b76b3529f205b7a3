// defineRule: one definition per rule; registry, English catalog and docs derive from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defineRule, isDefinedRule, ruleCatalog, ruleCatalogSource } from '../../server/src/core/rules/define';
import { ALL_RULES } from '../../server/src/core/rules';
import { template } from '../../server/src/core/messages/catalog';

const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');

const sample = defineRule({
  id: 'sample-rule',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  docs: { summary: 'A sample.', risk: 'None.' },
  messages: { found: 'Found {thing}.', fixTitle: 'Fix {thing}' },
  check(ctx, m) {
    ctx.report({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: m('found', { thing: 'x' }) });
    // @ts-expect-error a message key the definition does not declare is a type error
    void m('fonud');
  },
});

test('defineRule: message ids are rule.<id>.<key>, the catalog holds docs and messages', () => {
  const reports: unknown[] = [];
  sample.check({ report: (r: unknown) => reports.push(r) } as never);
  assert.deepEqual((reports[0] as { message: unknown }).message, { id: 'rule.sample-rule.found', args: { thing: 'x' } });
  assert.deepEqual(ruleCatalog([sample]), {
    'rule.sample-rule.summary': 'A sample.',
    'rule.sample-rule.risk': 'None.',
    'rule.sample-rule.found': 'Found {thing}.',
    'rule.sample-rule.fixTitle': 'Fix {thing}',
  });
  assert.ok(isDefinedRule(sample));
  assert.throws(() => defineRule({ ...sample, id: 'bad', messages: { summary: 'x' } } as never), /reserved/);
});

test('messages/en/rules.generated.ts is up to date with the rule definitions (npm run docs)', () => {
  const onDisk = fs.readFileSync(path.join(ROOT, 'server/src/core/messages/en/rules.generated.ts'), 'utf8');
  assert.equal(onDisk, ruleCatalogSource(ALL_RULES), 'rules.generated.ts is stale: run `npm run docs`');
  for (const [id, text] of Object.entries(ruleCatalog(ALL_RULES))) assert.equal(template(id), text, id);
});

test('every rule is a defineRule definition (YAML, Kubernetes, security, Dockerfile, loci, meta)', () => {
  const notDefined = ALL_RULES.filter((r) => !isDefinedRule(r)).map((r) => r.id);
  assert.deepEqual(notDefined, []);
  assert.ok(ALL_RULES.some((r) => r.category === 'security') && ALL_RULES.some((r) => r.category === 'yaml'));
});

test('no rule builds a message id at run time: rule bodies use their own typed m(key)', () => {
  const dir = path.join(ROOT, 'server/src/core/rules');
  const offenders: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        if (/\bmsg\(\s*[`'"]rule\./.test(text)) offenders.push(path.relative(ROOT, p));
      }
    }
  };
  walk(dir);
  assert.deepEqual(offenders, []);
});

test('every loci rule is one definition registered per target, and its docs stand on their own (no R-numbers)', () => {
  const loci = ALL_RULES.filter((x) => x.category === 'loci');
  for (const r of loci) assert.ok(isDefinedRule(r), `${r.id} is not a defined rule`);
  const cat = ruleCatalog(loci);
  const refs = Object.entries(cat).filter(([id, text]) => /\.(summary|risk|fix)$/.test(id) && /\bR\d+\b|REFERENCE/.test(text));
  assert.deepEqual(refs, []);
});
