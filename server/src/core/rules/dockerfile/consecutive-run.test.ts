import { test } from 'node:test';
import { fixAndRelint, found, lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import { applyFix } from '../../../../../test/helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { consecutiveRun } from './consecutive-run';

const merge = (text: string) => {
  const f = only(lintD(text), 'consecutive-run');
  assert.equal(f.length, 1, 'one finding');
  return f[0];
};

test('consecutive-run: one finding per sequence, on the first RUN (where the merge is offered), with the later RUNs as related', () => {
  const text = 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n';
  const f = merge(text);
  assert.deepEqual(r(f), [1, 0, 1, 3]);
  assert.equal(f.severity, 'information');
  assert.deepEqual(f.message, { id: 'rule.consecutive-run.message', args: { count: 2, first: 2, last: 3 } });
  assert.deepEqual(f.related!.map((x) => [x.range, x.message]), [[{ start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, { id: 'rule.consecutive-run.related' }]]);
  assert.deepEqual(f.fixes![0].title, { id: 'rule.consecutive-run.fixTitle', args: { count: 2 } });
  assert.equal(f.fixes![0].tier, 'review');
  // no continuation lines in the file: ` \` + 4 spaces + leading &&
  fixAndRelint(text, f, 'FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
});
test('consecutive-run: three RUNs, comments kept inside the continuation, blank lines dropped, trailing && style and indentation of the file', () => {
  const text = 'FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y gcc\n\n# build it\n  # and install\nRUN make\n\nRUN make install\nCMD ["app"]\n';
  const f = merge(text);
  assert.deepEqual(f.message.args, { count: 3, first: 2, last: 9 });
  assert.deepEqual(f.related!.map((x) => x.range.start.line), [6, 8]);
  fixAndRelint(
    text,
    f,
    'FROM debian:12\nRUN apt-get update && \\\n  apt-get install -y gcc && \\\n# build it\n  # and install\n  make && \\\n  make install\nCMD ["app"]\n',
  );
});
test('consecutive-run: leading && style and CRLF line breaks are kept', () => {
  const text = 'FROM debian:12\r\nRUN a \\\r\n\t&& b\r\nRUN c\r\n';
  fixAndRelint(text, merge(text), 'FROM debian:12\r\nRUN a \\\r\n\t&& b \\\r\n\t&& c\r\n');
});
test('consecutive-run: brackets only where behaviour needs them', () => {
  const cases: [string, string, string][] = [
    // a || b, then c: `a || b && c` is `(a || b) && c`
    ['a || b', 'c', 'a || b \\\n    && c'],
    // a later part with || is grouped
    ['a', 'b || c', 'a \\\n    && { b || c; }'],
    // several commands: grouped so the rest runs only after all of them
    ['a; b', 'c', '{ a; b; } \\\n    && c'],
    ['a', 'b; c;', 'a \\\n    && { b; c; }'],
    // background job
    ['sleep 1 &', 'b', '{ sleep 1 & } \\\n    && b'],
    // state changes stay in their own shell
    ['cd /src && make', 'make install', '( cd /src && make ) \\\n    && make install'],
    ['set -e; export X=1', 'echo $X', '( set -e; export X=1 ) \\\n    && echo $X'],
    ['a', 'cd /tmp; ls', 'a \\\n    && { cd /tmp; ls; }'],
    // pipelines and negation need nothing
    ['a | b', '! c | d', 'a | b \\\n    && ! c | d'],
  ];
  for (const [a, b, merged] of cases) {
    const text = `FROM debian:12\nRUN ${a}\nRUN ${b}\n`;
    fixAndRelint(text, merge(text), `FROM debian:12\nRUN ${merged}\n`);
  }
});
test('consecutive-run: the same flags are kept; different flags end the sequence (no finding)', () => {
  const same = 'FROM debian:12\nRUN --network=none --mount=type=cache,target=/root/.cache make\nRUN --mount=type=cache,target=/root/.cache --network=none make test\n';
  fixAndRelint(same, merge(same), 'FROM debian:12\nRUN --network=none --mount=type=cache,target=/root/.cache make \\\n    && make test\n');
  assert.deepEqual(found('FROM debian:12\nRUN --mount=type=secret,id=npm npm ci\nRUN npm run build\n', 'consecutive-run'), []);
  assert.deepEqual(found('FROM debian:12\nRUN --network=none a\nRUN --network=host b\n', 'consecutive-run'), []);
});
test('consecutive-run: reported without a fix for exec form, heredocs, trailing comments, non-POSIX SHELL', () => {
  const noFix = [
    'FROM debian:12\nRUN ["/bin/a"]\nRUN b\n',
    'FROM debian:12\nRUN a\nRUN <<EOF\nb\nEOF\n',
    'FROM debian:12\nRUN cat <<EOF > /x\nb\nEOF\nRUN c\n',
    'FROM debian:12\nRUN a # why\nRUN b\n',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN a\nRUN b\n',
    'FROM debian:12\nRUN if true; then\nRUN b\n',
  ];
  for (const text of noFix) {
    const f = merge(text);
    assert.equal(f.fixes, undefined, text);
  }
});
test('consecutive-run: not reported across other instructions, stages or ONBUILD', () => {
  assert.deepEqual(found('FROM debian:12\nRUN a\nENV X=1\nRUN b\n', 'consecutive-run'), []);
  assert.deepEqual(found('FROM debian:12 AS a\nRUN a\nFROM debian:12\nRUN b\n', 'consecutive-run'), []);
  assert.deepEqual(found('FROM debian:12\nONBUILD RUN a\nONBUILD RUN b\n', 'consecutive-run'), []);
  assert.deepEqual(found('FROM debian:12\nRUN a\n', 'consecutive-run'), []);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(consecutiveRun, {
  valid: [
    `FROM debian:12
RUN apt-get update && apt-get install -y curl
`,
    `FROM debian:12
RUN a
WORKDIR /x
RUN b
`,
  ],
  invalid: [
    {
      code: `FROM debian:12
RUN apt-get update
RUN apt-get install -y curl
`,
      errors: [{ messageId: "message", range: [1, 0, 1, 3], args: {"count": 2, "first": 2, "last": 3}, severity: "information" }],
      output: `FROM debian:12
RUN apt-get update \\
    && apt-get install -y curl
`,
    },
  ],
});
