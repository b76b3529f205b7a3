// Issue #12: `${…}` expansion in FROM/EXPOSE/USER and the variable names of FROM are one pass.
// The regexes they replace searched from every `${` to the next `}`: quadratic (a FROM of 20,000
// unclosed `${A:-` took 4.5 s). Equivalence with those regexes on generated text; the guard counts
// the characters `indexOf` is asked to search (a proxy String would not reach V8's regex engine).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expandVariables, variableNames } from '../../server/src/core/model/dockerfile-stages';

function oldVariableNames(text: string): string[] {
  const out: string[] = [];
  const re = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1] ?? m[2]);
  return out;
}

function oldExpand(text: string, values: Map<string, string | null>): string | undefined {
  if (!text.includes('$')) return text;
  let failed = false;
  const out = text.replace(/\\\$|\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g, (whole, braced, op, word, bare) => {
    if (whole === '\\$') return '$';
    const name = braced ?? bare;
    const v = values.get(name);
    const set = v !== undefined && v !== null;
    const nonEmpty = set && v !== '';
    switch (op) {
      case ':-':
        return nonEmpty ? v! : word;
      case '-':
        return set ? v! : word;
      case ':+':
        return nonEmpty ? word : '';
      case '+':
        return set ? word : '';
      default:
        if (!set) failed = true;
        return set ? v! : '';
    }
  });
  return failed ? undefined : out;
}

const VALUES = new Map<string, string | null>([
  ['A', 'alpha'],
  ['B', ''],
  ['C', null],
  ['A1', 'one'],
]);

test('expandVariables and variableNames give what the regexes gave', () => {
  const piece = fc.constantFrom('$', '{', '}', ':', '-', '+', '\\', 'A', 'B', 'C', 'D', '1', '_', 'x', ' ', '\n', '${A}', '${B:-d}', '${C+w}', '$A1', '\\$A', '${D:=x}');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 30 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(variableNames(text), oldVariableNames(text), JSON.stringify(text));
      assert.equal(expandVariables(text, VALUES), oldExpand(text, VALUES), JSON.stringify(text));
    }),
    { numRuns: 5000 },
  );
});

test('hostile FROM text: the search for `}` moves forward only (characters searched grow linearly)', () => {
  const searched = (text: string) => {
    const orig = String.prototype.indexOf;
    let n = 0;
    String.prototype.indexOf = function (this: string, s: string, from?: number) {
      const r = orig.call(this, s, from);
      if (s === '}') n += (r < 0 ? this.length : r) - (from ?? 0);
      return r;
    };
    try {
      expandVariables(text, VALUES);
      variableNames(text);
    } finally {
      String.prototype.indexOf = orig;
    }
    return n;
  };
  const small = searched('${A:-'.repeat(2000));
  const large = searched('${A:-'.repeat(4000));
  assert.ok(large <= 2.5 * Math.max(small, 1), `${small} characters searched for 2,000, ${large} for 4,000`);
  assert.equal(expandVariables('${A:-'.repeat(200_000) + '}', VALUES), 'alpha');
});
