import { test } from 'node:test';
import { lint, only, r } from '../../../../../test/helpers';
import { found } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';
import { ruleTester } from '../../../../../test/rule-tester';
import { dockerfileSyntax } from './dockerfile-syntax';

const syntax = (text: string) => found(text, 'dockerfile-syntax');
test('dockerfile-syntax: unknown instruction with suggestion, missing args, bad flag', () => {
  const text = 'FROM ubuntu:24.04\nRUNN echo hi\nCOPY onlyone\nRUN --moun=type=cache echo\n';
  const f = only(lint(text, '/ws/Dockerfile'), 'dockerfile-syntax');
  assert.deepEqual(f.map((x) => [x.message.id, r(x)]), [
    ['rule.dockerfile-syntax.unknownInstructionSuggest', [1, 0, 1, 4]],
    ['rule.dockerfile-syntax.tooFewArguments', [2, 0, 2, 4]],
    ['rule.dockerfile-syntax.unknownFlag', [3, 4, 3, 21]],
  ]);
});
test('dockerfile-syntax: parser directives (escape value, duplicates); a directive after the first line is a comment', () => {
  assert.deepEqual(syntax('# escape=x\nFROM a:1\n'), [['rule.dockerfile-syntax.escapeValue', [0, 9, 0, 10]]]);
  assert.deepEqual(syntax('# escape=`\n# escape=\\\nFROM a:1\n'), [['rule.dockerfile-syntax.duplicateDirective', [1, 2, 1, 8]]]);
  assert.deepEqual(syntax('# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\n# escape=`\nFROM a:1\n'), []);
  assert.deepEqual(syntax('FROM a:1\n# escape=x\nRUN x\n'), []);
});
test('dockerfile-syntax: ONBUILD triggers are checked; ONBUILD ONBUILD/FROM/MAINTAINER are errors', () => {
  const text = 'FROM a:1\nONBUILD ONBUILD RUN x\nONBUILD FROM b\nONBUILD MAINTAINER me\nONBUILD RUNN x\nONBUILD RUN --moun=x y\nONBUILD COPY x\nONBUILD RUN echo ok\n';
  assert.deepEqual(syntax(text), [
    ['rule.dockerfile-syntax.onbuildChain', [1, 8, 1, 15]],
    ['rule.dockerfile-syntax.onbuildTrigger', [2, 8, 2, 12]],
    ['rule.dockerfile-syntax.onbuildTrigger', [3, 8, 3, 18]],
    ['rule.dockerfile-syntax.unknownInstructionSuggest', [4, 8, 4, 12]],
    ['rule.dockerfile-syntax.unknownFlag', [5, 12, 5, 20]],
    ['rule.dockerfile-syntax.tooFewArguments', [6, 8, 6, 12]],
  ]);
});
test('dockerfile-syntax: HEALTHCHECK NONE / CMD forms', () => {
  const text = 'FROM a:1\nHEALTHCHECK NONE\nHEALTHCHECK NONE extra args\nHEALTHCHECK foo\nHEALTHCHECK --interval=5s CMD\nHEALTHCHECK --interval=5s CMD curl -f http://x/ || exit 1\nHEALTHCHECK CMD ["curl", "-f", "http://x/"]\n';
  assert.deepEqual(syntax(text), [
    ['rule.dockerfile-syntax.healthcheckNoneArgs', [2, 17, 2, 27]],
    ['rule.dockerfile-syntax.healthcheckType', [3, 12, 3, 15]],
    ['rule.dockerfile-syntax.healthcheckCmd', [4, 26, 4, 29]],
  ]);
});
test('dockerfile-syntax: FROM … AS name, stage names, duplicates', () => {
  const text = 'FROM a:1 AS\nFROM b:1 AS x y\nFROM c:1 as 1bad\nFROM d:1 AS Build\nFROM e:1 AS build\nFROM f:1 AS ${NAME}\nFROM --platform=$BUILDPLATFORM g:1 AS go.tools-1_x\n';
  const f = syntax(text);
  assert.deepEqual(f, [
    ['rule.dockerfile-syntax.fromArguments', [0, 9, 0, 11]],
    ['rule.dockerfile-syntax.fromArguments', [1, 9, 1, 15]],
    ['rule.dockerfile-syntax.stageName', [2, 12, 2, 16]],
    ['rule.dockerfile-syntax.duplicateStage', [4, 12, 4, 17]],
  ]);
});
test('dockerfile-syntax: EXPOSE ports and protocols', () => {
  assert.deepEqual(syntax('FROM a:1\nEXPOSE 80 443/tcp 53/UDP 8000-8010 $PORT ${P}/tcp abc 80/xyz 70000 90-80\n'), [
    ['rule.dockerfile-syntax.exposePort', [1, 50, 1, 53]],
    ['rule.dockerfile-syntax.exposeProtocol', [1, 54, 1, 60]],
    ['rule.dockerfile-syntax.exposePort', [1, 61, 1, 66]],
    ['rule.dockerfile-syntax.exposePort', [1, 67, 1, 72]],
  ]);
});
test('dockerfile-syntax: instructions before FROM (only ARG), unknown ones reported once', () => {
  assert.deepEqual(syntax('ARG A=1\nRUN x\nQWERTY y\nFROM a:1\n'), [
    ['rule.dockerfile-syntax.beforeFrom', [1, 0, 1, 3]],
    ['rule.dockerfile-syntax.unknownInstruction', [2, 0, 2, 6]],
  ]);
});

// RuleTester: valid inputs; invalid ones with exact message keys, ranges and the text after the fix.
ruleTester(dockerfileSyntax, {
  valid: [
    `FROM alpine:3.20 AS build
RUN echo hi
`,
  ],
  invalid: [
    {
      code: `FROM alpine:3.20
RUNN echo hi
`,
      errors: [{ messageId: "unknownInstructionSuggest", range: [1, 0, 1, 4], args: {"instruction": "RUNN", "suggestion": "RUN"}, severity: "error" }],
    },
    {
      code: `FROM alpine:3.20 AS a
FROM alpine:3.20 AS a
`,
      errors: [{ messageId: "duplicateStage", range: [1, 20, 1, 21], args: {"name": "a"} }],
    },
  ],
});
