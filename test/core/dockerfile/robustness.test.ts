import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { lintD } from './df-helpers';
import { applyEdits } from '../../../server/src/core/text';

const LINES = [
  'FROM ubuntu', 'FROM ubuntu:24.04 AS build', 'FROM build', 'FROM ${X}', 'FROM', 'ARG X=alpine', 'ARG', 'ARG TOKEN=abc',
  'RUN apt-get update && \\', '    apt-get install -y curl', 'RUN sudo make', 'RUN curl x | sh', 'RUN <<EOF', 'echo hi', 'EOF',
  'RUN ["a", "b"]', 'RUN [', 'RUN "unterminated', "RUN 'x", 'RUN $(', 'RUN if then', 'RUN `', 'RUN a \\', '', '# comment',
  '# dockyard-ignore sudo-in-run: ok', 'USER root', 'USER', 'EXPOSE 6443 2370-2380 x', 'ADD https://x/y /', 'COPY .env /',
  'COPY --from=build /a /b', 'ONBUILD RUN sudo x', 'ONBUILD', 'HEALTHCHECK NONE', 'SHELL ["pwsh"]', 'ENV A=1 B', '# escape=`',
  'RUN a `', '\tRUN b', 'RUN --mount=type=cache,target=/var/lib/apt apt-get install x', 'LABEL a="b', 'WORKDIR /x \\',
];

test('robustness: no rule throws on arbitrary Dockerfile-like text, and every fix applies cleanly', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 14 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
      const text = lines.join(eol) + eol;
      // lintD's analyzer rethrows any rule error
      for (const f of lintD(text)) {
        assert.ok(f.range.start.line <= f.range.end.line);
        for (const fix of f.fixes ?? []) applyEdits(text, fix.edits);
      }
    }),
    { numRuns: 400, seed: 11 },
  );
});
