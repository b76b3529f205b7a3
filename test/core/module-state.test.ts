import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * No module-level mutable state in server/src/core (issue #11): every cache belongs to an owner (the
 * service's providers, the workspace index, a document's memo, the object it describes), keyed by
 * its real inputs. Read with the TypeScript compiler API, each file's top-level declarations must
 * not be
 *   - a `let` or `var`;
 *   - a `new Map`/`new Set` unless its declared type is ReadonlyMap / ReadonlySet (then the compiler
 *     rejects every mutation through the binding: a lookup table, not state);
 *   - any other `new …` (WeakMap, WeakSet, WeakRef, BoundedCache, class instances…), a `g`/`y`
 *     regular expression (its `lastIndex` is state), or a call of a state factory
 *     (`createProviders`, `createSchemaStore`);
 *   - a `static` class property that is not `readonly`;
 * except the entries of ALLOWED, each a true constant (the reason says why it is immutable).
 */
const ROOT = process.env.DOCKYARD_ROOT ?? join(__dirname, '..', '..', '..');

const ALLOWED: { file: string; name: string; why: string }[] = [
  {
    file: 'server/src/core/model/ycst.ts',
    name: 'GIVE_UP',
    why: 'a sentinel Error thrown and caught by identity inside one call; nothing writes to it (its stack is never read)',
  },
  {
    file: 'server/src/core/messages/catalog.ts',
    name: 'PLACEHOLDER',
    why: 'a g pattern used only by String#replace and String#matchAll, which reset or copy lastIndex: the constant is never read or left changed',
  },
  {
    file: 'server/src/core/messages/catalog.ts',
    name: 'PLURAL',
    why: 'a g pattern used only by String#replace (which resets lastIndex to 0 before and after)',
  },
  {
    file: 'server/src/core/messages/catalog.ts',
    name: 'PLURAL_CASE',
    why: 'a g pattern used only by String#matchAll (which works on a copy of the pattern)',
  },
  {
    file: 'server/src/core/util/secrets.ts',
    name: 'URL_PASSWORD',
    why: 'a g pattern used only by String#matchAll (which works on a copy of the pattern)',
  },
];

const STATE_FACTORIES = new Set(['createProviders', 'createSchemaStore', 'createSchemaStoreFromSource']);

export interface Violation {
  file: string;
  name: string;
  line: number;
  what: string;
}

/** The module-level state a source text declares (see the rules above). */
export function moduleState(file: string, text: string): Violation[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const out: Violation[] = [];
  const at = (n: ts.Node) => sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
  const add = (name: string, n: ts.Node, what: string) => out.push({ file, name, line: at(n), what });

  /** Problems inside an initializer, outside function and class bodies (those run later, per call). */
  const scan = (name: string, declaredType: string | undefined, init: ts.Node) => {
    const visit = (n: ts.Node): void => {
      if (ts.isFunctionLike(n) || ts.isClassLike(n)) return;
      if (ts.isNewExpression(n)) {
        const ctor = n.expression.getText(sf);
        if (ctor === 'Set' || ctor === 'Map') {
          const readonly = declaredType !== undefined && new RegExp(`Readonly${ctor}<`).test(declaredType) && !new RegExp(`(^|[^A-Za-z])${ctor}<`).test(declaredType);
          if (!readonly) add(name, n, `new ${ctor} without a Readonly${ctor} type`);
        } else if (ctor === 'RegExp') {
          const flags = n.arguments?.[1];
          if (flags && (!ts.isStringLiteralLike(flags) || /[gy]/.test(flags.text))) add(name, n, 'new RegExp with g or y flags (lastIndex is state)');
        } else add(name, n, `new ${ctor}`);
      }
      if (ts.isRegularExpressionLiteral(n) && /[gy]/.test(n.text.slice(n.text.lastIndexOf('/') + 1))) add(name, n, 'a g or y regular expression (lastIndex is state)');
      if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && STATE_FACTORIES.has(n.expression.text)) add(name, n, `${n.expression.text}() at module level`);
      ts.forEachChild(n, visit);
    };
    visit(init);
  };

  for (const st of sf.statements) {
    if (ts.isVariableStatement(st)) {
      const isConst = (st.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of st.declarationList.declarations) {
        const name = d.name.getText(sf);
        if (!isConst) add(name, d, `module-level ${st.declarationList.flags & ts.NodeFlags.Let ? 'let' : 'var'}`);
        else if (d.initializer) scan(name, d.type?.getText(sf), d.initializer);
      }
    } else if (ts.isClassDeclaration(st)) {
      for (const m of st.members) {
        if (!ts.isPropertyDeclaration(m)) continue;
        const mods = ts.getModifiers(m) ?? [];
        if (mods.some((x) => x.kind === ts.SyntaxKind.StaticKeyword) && !mods.some((x) => x.kind === ts.SyntaxKind.ReadonlyKeyword)) {
          add(`${st.name?.text ?? 'class'}.${m.name.getText(sf)}`, m, 'static property that is not readonly');
        }
      }
    }
  }
  return out;
}

function coreFiles(): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d).sort()) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else if (e.endsWith('.ts') && !e.endsWith('.d.ts') && !e.endsWith('.test.ts')) out.push(relative(ROOT, p).split('\\').join('/'));
    }
  };
  walk(join(ROOT, 'server/src/core'));
  return out;
}

const allowed = (v: Violation) => ALLOWED.some((a) => a.file === v.file && a.name === v.name);

test('server/src/core holds no module-level mutable state (caches belong to the service, the index or a document)', () => {
  const files = coreFiles();
  assert.ok(files.length > 100, `${files.length} files`);
  const found = files.flatMap((f) => moduleState(f, readFileSync(join(ROOT, f), 'utf8')));
  const violations = found.filter((v) => !allowed(v)).map((v) => `${v.file}:${v.line} ${v.name}: ${v.what}`);
  assert.deepEqual(violations, [], 'give the state an owner (providers.cache, WorkspaceIndex.memo, a model memo, a field of the object it describes), or make it a Readonly constant');
});

test('every allowed entry still exists (remove the rows that are gone)', () => {
  for (const a of ALLOWED) {
    const found = moduleState(a.file, readFileSync(join(ROOT, a.file), 'utf8')).some((v) => v.name === a.name);
    assert.ok(found, `${a.file} ${a.name} is no longer flagged: delete its row from ALLOWED (${a.why})`);
  }
});

test('the checker finds each kind of module-level state (a synthetic file)', () => {
  const src = [
    'let counter = 0;',
    'var old = 1;',
    'const cache = new WeakMap<object, number>();',
    'const byText = new Map<string, number>();',
    'const seen: Set<string> = new Set();',
    'const lookup: ReadonlyMap<string, number> = new Map([["a", 1]]);',
    'const words: ReadonlySet<string> = new Set(["a"]);',
    'const table: Record<string, Set<string>> = { a: new Set(["x"]) };',
    'const bounded = new BoundedCache({ maxBytes: 1 });',
    'const sticky = /x/y;',
    'const plain = /x/i;',
    'const compiled = new RegExp("x", "g");',
    'const plainCompiled = new RegExp("x");',
    'const scope = createProviders();',
    'const later = () => new Map();',
    'class K { static hits = 0; static readonly NAME = "k"; }',
    'export const rule = defineRule({ check() { const m = new Map(); } });',
  ].join('\n');
  const names = moduleState('x.ts', src).map((v) => v.name);
  assert.deepEqual(names, ['counter', 'old', 'cache', 'byText', 'seen', 'table', 'bounded', 'sticky', 'compiled', 'scope', 'K.hits']);
});
