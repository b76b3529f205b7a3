// Every place that renders a catalog text says in which language (issue #15): a call of the
// catalog's `t(id, args, lang)` or `format(message, lang)` without its language argument renders
// English whatever the user asked for. Checked on the syntax trees of server/src and client/src.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../../..');

/** English on purpose, with the reason. */
const ENGLISH_BY_DESIGN: Record<string, string> = {
  'server/src/core/config/settings.ts': "manifestProperties()' default: the English texts package.nls.json holds",
};

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

/** Calls of the catalog's t / format (by their imported local names) that leave out the language. */
function calls(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const names = new Map<string, 't' | 'format'>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || !/messages\/catalog$/.test(st.moduleSpecifier.text)) continue;
    const bindings = st.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) {
      const imported = (el.propertyName ?? el.name).text;
      if (imported === 't' || imported === 'format') names.set(el.name.text, imported);
    }
  }
  const bad: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && names.has(n.expression.text)) {
      const need = names.get(n.expression.text) === 't' ? 3 : 2;
      if (n.arguments.length < need) bad.push(`${path.relative(ROOT, file)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1} ${n.getText().slice(0, 80)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return bad;
}

test('every rendering of a catalog text in the server, CLI and client passes the language', () => {
  const files = [...sources(path.join(ROOT, 'server/src')), ...sources(path.join(ROOT, 'client/src'))].filter((f) => !/messages\/catalog\.ts$/.test(f));
  const bad = files.filter((f) => !(path.relative(ROOT, f) in ENGLISH_BY_DESIGN)).flatMap(calls);
  assert.deepEqual(bad, []);
  // The check sees the calls it is about (it would pass vacuously on a renamed import otherwise).
  assert.ok(calls(path.join(ROOT, 'server/src/core/config/settings.ts')).length >= 1);
  assert.ok(files.length > 100);
});
