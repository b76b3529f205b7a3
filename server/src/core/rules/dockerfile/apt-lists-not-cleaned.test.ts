import { ruleTester } from '../../../../../test/rule-tester';
import { aptListsNotCleaned } from './apt-lists-not-cleaned';
import { test } from 'node:test';
import { found, fixAndRelint, lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';

ruleTester(aptListsNotCleaned, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'a build stage whose output is only COPY --from\'d does not ship its lists',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out /app\n',
    },
  ],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python\n',
      errors: [{ messageId: 'message', range: [1, 22, 1, 37] }],
      output: 'FROM debian:12\nRUN apt-get update && apt-get install -y python && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a stage the final stage builds on ships',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS final\nUSER 1000\n',
      errors: [{ messageId: 'message', range: [1, 22, 1, 37] }],
    },
  ],
});

test('apt-lists-not-cleaned: reported on `apt-get install`; fixAll appends the cleanup in the continuation style', () => {
  const one = 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n';
  const f = only(lintD(one), 'apt-lists-not-cleaned');
  assert.deepEqual(f.map(r), [[1, 22, 1, 37]]);
  assert.equal(f[0].fixes![0].tier, 'safe');
  fixAndRelint(one, f[0], 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n');
  // leading && style with two-space indentation
  const lead = 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y \\\n     curl;\n';
  const g = only(lintD(lead), 'apt-lists-not-cleaned')[0];
  assert.deepEqual(r(g), [2, 5, 2, 20]);
  fixAndRelint(lead, g, 'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y \\\n     curl \\\n  && rm -rf /var/lib/apt/lists/*;\n');
  // trailing && style
  const trail = 'FROM debian:12\nRUN apt-get update && \\\n    DEBIAN_FRONTEND=noninteractive sudo apt-get -q install -y tzdata\n';
  const h = only(lintD(trail), 'apt-lists-not-cleaned')[0];
  fixAndRelint(trail, h, 'FROM debian:12\nRUN apt-get update && \\\n    DEBIAN_FRONTEND=noninteractive sudo apt-get -q install -y tzdata && \\\n    rm -rf /var/lib/apt/lists/*\n');
  // passing: cleaned in the same RUN, cache mount, no install
  assert.deepEqual(found('FROM debian:12\nRUN apt-get update && apt-get install -y x && rm -rf /var/lib/apt/lists/*\n', 'apt-lists-not-cleaned'), []);
  assert.deepEqual(found('FROM debian:12\nRUN --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y x\n', 'apt-lists-not-cleaned'), []);
  assert.deepEqual(found('FROM debian:12\nRUN apt-get update\nRUN echo apt-get install x\n', 'apt-lists-not-cleaned'), []);
  // heredoc: reported, no fix
  const here = only(lintD('FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n'), 'apt-lists-not-cleaned');
  assert.deepEqual(here.map(r), [[3, 0, 3, 15]]);
  assert.equal(here[0].fixes, undefined);
});
