#!/usr/bin/env node
// Makes patches/yaml+<version>.patch: `yaml`'s Lexer and Parser without a generator per step.
//
// The published Lexer and Parser are written as generators all the way down: every token passes
// through a chain of `yield*` (lex → parseNext → parseDocument → pushCount …), and every lexeme
// the Parser takes allocates a generator object for each of step, document, blockMap, pop ….
// This rewrite keeps every method body and its order of effects, and only changes how tokens leave:
//
// - every internal generator method becomes a plain method; `yield* this.m(…)` becomes `this.m(…)`
//   (its return value is the same) and `yield x` becomes `this.out.push(x)`;
// - the public generators stay generators with the same signatures and laziness:
//   `Lexer.lex()` yields the array `Lexer.lexAll()` collects, `Parser.parse()` the one
//   `Parser.parseAll()` collects (lexing with `lexAll`), `Parser.next()` / `Parser.end()` what
//   their bodies push.
//
// A token the Parser yields is complete when yielded (it has left the Parser's stack, or is new),
// and a lexeme is a string, so a consumer sees the same tokens whether they are produced on demand
// or collected first: test/core/model/yaml-speed.test.ts compares the patched library with the
// published one (the patch applied in reverse) on every fixture, generated text and a fuzz.
//
//   node scripts/patches/yaml-generators.mjs <published package dir> <output package dir>
//
// rewrites <output>/{dist,browser/dist}/parse/{lexer,parser}.js from the published files, and fails
// when a published file does not have the shape it expects (then read the new release by hand).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Internal generator methods → plain methods; `yield* this.` → `this.`; `yield x;` → `this.out.push(x);`. */
function unroll(text, publicGenerators) {
  let s = text.replace(/^( {4})\*(\w+)\(/gm, (m, indent, name) => (publicGenerators.has(name) ? m : `${indent}${name}(`));
  s = s.replace(/yield\* this\./g, 'this.');
  let out = '';
  let i = 0;
  for (;;) {
    const j = s.indexOf('yield ', i);
    if (j < 0) break;
    // A `yield` in a comment (the class docs) is left alone.
    const lineStart = s.lastIndexOf('\n', j) + 1;
    if (/^\s*(\*|\/\/)/.test(s.slice(lineStart, j))) {
      out += s.slice(i, j + 6);
      i = j + 6;
      continue;
    }
    let depth = 0;
    let k = j + 6;
    for (; k < s.length; k++) {
      const c = s[k];
      if (c === '(' || c === '{' || c === '[') depth++;
      else if (c === ')' || c === '}' || c === ']') depth--;
      else if (c === ';' && depth === 0) break;
      else if (c === "'" || c === '"' || c === '`') {
        // Skip the string (template literals: their `${…}` braces are balanced; none nests a backtick).
        for (k++; s[k] !== c; k++) if (s[k] === '\\') k++;
      }
    }
    out += s.slice(i, j) + `this.out.push(${s.slice(j + 6, k)})`;
    i = k;
  }
  return out + s.slice(i);
}

function replaceOnce(s, from, to, what) {
  const at = s.indexOf(from);
  if (at < 0 || s.indexOf(from, at + 1) >= 0) throw new Error(`${what}: the published code is not as expected`);
  return s.slice(0, at) + to + s.slice(at + from.length);
}

/** The patched lexer.js of one build, from the published one. */
export function lexer(text) {
  let s = unroll(text, new Set(['lex']));
  s = replaceOnce(s, '        this.pos = 0;\n    }', '        this.pos = 0;\n        /** The tokens of the running `lexAll()`. */\n        this.out = null;\n    }', 'Lexer constructor');
  s = replaceOnce(
    s,
    '    *lex(source, incomplete = false) {\n',
    '    *lex(source, incomplete = false) {\n        yield* this.lexAll(source, incomplete);\n    }\n    /** The tokens `lex()` yields, as an array. */\n    lexAll(source, incomplete = false) {\n        const out = (this.out = []);\n',
    'Lexer.lex',
  );
  s = replaceOnce(
    s,
    '        while (next && (incomplete || this.hasChars(1)))\n            next = this.parseNext(next);\n    }',
    '        while (next && (incomplete || this.hasChars(1)))\n            next = this.parseNext(next);\n        this.out = null;\n        return out;\n    }',
    'Lexer.lex loop',
  );
  if (/\byield\b(?![^\n]*\*\/)/.test(s.replace(/^\s*(\*|\/\/).*$/gm, '').replace('yield* this.lexAll(', ''))) throw new Error('lexer: a yield is left');
  return s;
}

/** The patched parser.js of one build, from the published one. */
export function parser(text) {
  let s = unroll(text, new Set(['parse', 'next', 'end']));
  s = replaceOnce(s, '        this.onNewLine = onNewLine;\n    }', '        this.onNewLine = onNewLine;\n        /** The tokens of the running `parseAll()`, `next()` or `end()`. */\n        this.out = null;\n    }', 'Parser constructor');
  s = replaceOnce(
    s,
    `    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            this.next(lexeme);
        if (!incomplete)
            this.end();
    }`,
    `    *parse(source, incomplete = false) {
        yield* this.parseAll(source, incomplete);
    }
    /** The tokens \`parse()\` yields, as an array. */
    parseAll(source, incomplete = false) {
        const out = (this.out = []);
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lexAll(source, incomplete))
            this._next(lexeme);
        if (!incomplete)
            this._end();
        this.out = null;
        return out;
    }`,
    'Parser.parse',
  );
  // next(source) and end(): generators yielding what their bodies (now _next and _end) push.
  for (const [name, params] of [['next', 'source'], ['end', '']]) {
    const head = `    *${name}(${params}) {\n`;
    s = replaceOnce(s, head, `${head}        const out = (this.out = []);\n        this._${name}(${params});\n        this.out = null;\n        yield* out;\n    }\n    _${name}(${params}) {\n`, `Parser.${name}`);
  }
  return s;
}

// (Tests bundle this file as CommonJS, where import.meta.url is empty: they call lexer/parser.)
if (import.meta.url && process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const [from, to] = process.argv.slice(2);
  if (!from || !to) {
    console.error('usage: node scripts/patches/yaml-generators.mjs <published package dir> <output package dir>');
    process.exit(2);
  }
  for (const build of ['dist', 'browser/dist']) {
    writeFileSync(join(to, build, 'parse/lexer.js'), lexer(readFileSync(join(from, build, 'parse/lexer.js'), 'utf8')));
    writeFileSync(join(to, build, 'parse/parser.js'), parser(readFileSync(join(from, build, 'parse/parser.js'), 'utf8')));
  }
}
