import { ruleTester } from '../../../../../test/rule-tester';
import { rootUser } from './root-user';
import { test } from 'node:test';
import { found, fixAndRelint, lintD, only, r } from '../../../../../test/core/dockerfile/df-helpers';
import assert from 'node:assert/strict';

ruleTester(rootUser, {
  valid: [
    'FROM debian:12\nUSER 1000\n',
    { name: 'USER inherited from the stage the final one builds on', code: 'FROM debian:12 AS base\nUSER app\nFROM base\nRUN echo hi\n' },
    { name: 'a root build stage does not matter', code: 'FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nUSER 1000\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      name: 'USER of a build stage does not carry into an unrelated final stage',
      code: 'FROM debian:12 AS build\nUSER 1000\nFROM debian:12\nCOPY --from=build /out /out\n',
      errors: [{ messageId: 'noUser', range: [2, 5, 2, 14], args: { stage: '#2' } }],
      output: 'FROM debian:12 AS build\nUSER 1000\nFROM debian:12\nCOPY --from=build /out /out\nUSER 65532\n',
    },
    {
      name: 'the last USER along the stage chain is root',
      code: 'FROM debian:12 AS base\nUSER 1000\nFROM base AS final\nUSER root\n',
      errors: [{ messageId: 'rootUser', range: [3, 5, 3, 9], args: { user: 'root', stage: 'final' } }],
    },
  ],
});

test('root-user: no USER in the final stage chain', () => {
  const text = 'FROM golang:1.23 AS build\nUSER 1000\nRUN go build\nFROM debian:12-slim\nCOPY --from=build /app /app\nCMD ["/app"]\n';
  const f = only(lintD(text), 'root-user');
  assert.equal(f.length, 1);
  assert.deepEqual(r(f[0]), [3, 5, 3, 19]);
  assert.deepEqual(f[0].message, { id: 'rule.root-user.noUser', args: { stage: '#2' } });
  assert.equal(f[0].fixes![0].tier, 'review');
  assert.deepEqual(f[0].fixes![0].title, { id: 'rule.root-user.fixTitle', args: { uid: 65532 } });
  fixAndRelint(text, f[0], text + 'USER 65532\n');
  // no trailing newline
  const g = only(lintD('FROM debian:12\nCMD x'), 'root-user')[0];
  fixAndRelint('FROM debian:12\nCMD x', g, 'FROM debian:12\nCMD x\nUSER 65532\n');
});

test('root-user: USER root / 0 / root:root last; inherited USER from an earlier stage; ARG-resolved user', () => {
  assert.deepEqual(found('FROM debian:12\nUSER app\nUSER root\n', 'root-user'), [['rule.root-user.rootUser', [2, 5, 2, 9]]]);
  assert.deepEqual(found('FROM debian:12\nUSER 0:0\n', 'root-user'), [['rule.root-user.rootUser', [1, 5, 1, 8]]]);
  assert.deepEqual(found('FROM debian:12\nUSER root:root\nRUN x\n', 'root-user'), [['rule.root-user.rootUser', [1, 5, 1, 14]]]);
  assert.deepEqual(found('FROM debian:12\nARG RUNAS=root\nUSER ${RUNAS}\n', 'root-user'), [['rule.root-user.rootUser', [2, 5, 2, 13]]]);
  // passing
  assert.deepEqual(found('FROM debian:12\nUSER root\nRUN apt-get update\nUSER 1001\n', 'root-user'), []);
  assert.deepEqual(found('FROM debian:12 AS base\nUSER app\nFROM base\nRUN true\n', 'root-user'), []);
  assert.deepEqual(found('FROM debian:12\nARG RUNAS\nUSER ${RUNAS}\n', 'root-user'), []);
  assert.deepEqual(found('FROM gcr.io/distroless/static:nonroot\nCOPY app /\n', 'root-user'), []);
  // only the final stage matters
  assert.deepEqual(found('FROM debian:12 AS build\nRUN make\nFROM debian:12\nUSER 10001\n', 'root-user'), []);
});

test('root-user: loci images get loci\'s uid (ARG UID default, else 42424)', () => {
  const loci = 'FROM quay.io/airshipit/keystone:2025.1-ubuntu_noble\nRUN apt-get update\n';
  const f = only(lintD(loci), 'root-user')[0];
  assert.deepEqual(f.fixes![0].title.args, { uid: 42424 });
  fixAndRelint(loci, f, loci + 'USER 42424\n');
  const withUid = 'ARG FROM=ubuntu:jammy\nFROM ${FROM} AS common\nARG UID=42500\nFROM common AS project\nRUN /opt/loci/scripts/project.sh\n';
  assert.deepEqual(only(lintD(withUid), 'root-user')[0].fixes![0].title.args, { uid: 42500 });
});

test('root-user: loci\'s own Dockerfile is not flagged (its runtime user comes from the deployment)', async () => {
  const { lint, only } = await import('../../../../../test/helpers');
  const loci = 'ARG WHEELS=quay.io/airshipit/requirements:master-ubuntu_jammy\nARG FROM=ubuntu:jammy\nFROM ${WHEELS} AS wheels\nFROM ${FROM} AS common\nARG PROJECT\nARG PROFILES\nCOPY scripts /opt/loci/scripts\nFROM common AS project\nRUN --mount=type=bind,from=wheels,target=/wheels /opt/loci/scripts/project.sh\n';
  assert.equal(only(lint(loci, '/ws/loci/Dockerfile'), 'root-user').length, 0);
  assert.equal(only(lint('FROM ubuntu:24.04\nRUN true\n', '/ws/app/Dockerfile'), 'root-user').length, 1);
});
