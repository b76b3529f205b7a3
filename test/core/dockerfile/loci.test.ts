import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintD, r, fixAndRelint } from './df-helpers';
import { DOCKERFILE_RULES } from '../../../server/src/core/rules/dockerfile';
import type { Finding } from '../../../server/src/core/types';

/** loci's own Dockerfile (shared/loci/REFERENCE.md §0/§1a: global ARGs, wheels/common/requirements/project stages). */
const LOCI = `ARG WHEELS=quay.io/airshipit/requirements:master-ubuntu_jammy
ARG FROM=ubuntu:jammy

FROM \${WHEELS} AS wheels

FROM \${FROM} AS common

# NOTE: WHEELS_PATH must not be under /tmp
ARG WHEELS_PATH=/wheels
ARG PROJECT
ARG PROJECT_REPO=https://opendev.org/openstack/\${PROJECT}
ARG PROJECT_REF=master
ARG PROJECT_RELEASE=master
ARG EXTRA_PROJECTS=""
ARG PROFILES=""
ARG PIP_PACKAGES=""
ARG PIP_ARGS=""
ARG PIP_WHEEL_ARGS=$PIP_ARGS
ARG DIST_PACKAGES=""
ARG PLUGIN=no
ARG EXTRA_BINDEP=""
ARG EXTRA_PYDEP=""
ARG KEEP_ALL_WHEELS=False
ARG SOURCES_DIR=/tmp
ARG DEBIAN_FRONTEND=noninteractive
ARG UID=42424
ARG GID=42424

ADD data /tmp/
COPY scripts /opt/loci/scripts
ADD bindep.txt pydep.txt $EXTRA_BINDEP $EXTRA_PYDEP /opt/loci/

FROM common AS requirements
RUN /opt/loci/scripts/requirements.sh

FROM common AS project
RUN --mount=type=bind,from=wheels,target=\${WHEELS_PATH} /opt/loci/scripts/project.sh
`;

const MINE = new Set([...DOCKERFILE_RULES.map((x) => x.id), 'dockerfile-syntax', 'suppression-without-reason', 'unknown-rule-in-suppression']);
const mine = (fs: Finding[]) => fs.filter((f) => MINE.has(f.rule)).map((f) => [f.rule, f.message.id, r(f)]);

test("loci's own Dockerfile: no Dockerfile finding (root-user skips it: the deployment sets the runtime user)", () => {
  assert.deepEqual(mine(lintD(LOCI)), []);
});

test('a loci child image (README pattern): apt cleanup and root user', () => {
  const text = 'FROM quay.io/airshipit/keystone:master-ubuntu_jammy\nRUN apt-get update && apt-get install -y --no-install-recommends vim\n';
  assert.deepEqual(mine(lintD(text)), [
    ['root-user', 'rule.root-user.noUser', [0, 5, 0, 51]],
    ['apt-lists-not-cleaned', 'rule.apt-lists-not-cleaned.message', [1, 22, 1, 37]],
    ['unpinned-os-package', 'rule.unpinned-os-package.message', [1, 65, 1, 68]],
  ]);
  const f = lintD(text).find((x) => x.rule === 'root-user')!;
  assert.deepEqual(f.fixes![0].title.args, { uid: 42424 });
});

test('loci with an unpinned FROM default and the raw wheels image: unpinned-base-image on the FROM, related to the ARG', () => {
  const text = LOCI.replace('ARG FROM=ubuntu:jammy', 'ARG FROM=ubuntu');
  const f = lintD(text).filter((x) => x.rule === 'unpinned-base-image');
  assert.deepEqual(f.map((x) => [x.message.id, r(x), x.message.args]), [['rule.unpinned-base-image.noTagResolved', [5, 5, 5, 12], { image: 'ubuntu' }]]);
  assert.deepEqual(f[0].related!.map((x) => x.range.start.line), [1]);
});
