import { test } from 'node:test';
import assert from 'node:assert/strict';
import { found, fixAndRelint, lintD, only, r } from './df-helpers';

test('layer-count: reported on the FROM image of a stage above the threshold, with the first extra layer related', () => {
  const runs = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? `COPY f${i} /f${i}` : `RUN echo ${i}`)).join('\n');
  const text = `FROM alpine:3.20 AS big\n${runs(4)}\nWORKDIR /x\nFROM alpine:3.20 AS small\n${runs(3)}\n`;
  const f = only(lintD(text, { layers: { threshold: 3 } }), 'layer-count');
  assert.equal(f.length, 1);
  assert.deepEqual(r(f[0]), [0, 5, 0, 16]);
  assert.deepEqual(f[0].message, { id: 'rule.layer-count.message', args: { stage: 'big', count: 4, threshold: 3 } });
  assert.deepEqual(f[0].related![0].range.start, { line: 4, character: 0 });
  assert.deepEqual(f[0].related![0].message, { id: 'rule.layer-count.related', args: { n: 4 } });
  assert.equal(f[0].severity, 'warning');
  // default threshold 20
  assert.deepEqual(found(text, 'layer-count'), []);
  assert.deepEqual(found(`FROM alpine:3.20\n${runs(21)}\n`, 'layer-count'), [['rule.layer-count.message', [0, 5, 0, 16]]]);
  assert.deepEqual(found(`FROM alpine:3.20\n${runs(20)}\n`, 'layer-count'), []);
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

test('add-remote-url: http(s) sources without --checksum, on the URL', () => {
  const text = 'FROM alpine:3.20\nADD https://example.com/a.tar.gz http://x.org/b /opt/\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/c /c\nADD local.tgz /opt/\nCOPY https.txt /x\n';
  const f = only(lintD(text), 'add-remote-url');
  assert.deepEqual(f.map((x) => [r(x), x.message.args]), [
    [[1, 4, 1, 32], { url: 'https://example.com/a.tar.gz' }],
    [[1, 33, 1, 47], { url: 'http://x.org/b' }],
  ]);
  assert.equal(f[0].severity, 'warning');
});

test('pipe-to-shell: curl/wget into a shell through pipes, wrappers, continuations and substitutions', () => {
  const text = [
    'FROM debian:12',
    'RUN curl -fsSL https://get.example.com | sh',
    'RUN apt-get update && \\',
    '    wget -qO- https://x.io/i.sh \\',
    '      | sudo -E bash -s -- --yes',
    'RUN sh -c "$(curl -fsSL https://x.io/i.sh)"',
    'RUN bash <(curl -s https://x.io/setup)',
    'RUN if true; then curl -s https://x | env sh; fi',
    // not: downloads to a file, pipes into a non-shell, bash -c with a literal script
    'RUN curl -fsSLo /tmp/i.sh https://x && sh /tmp/i.sh',
    'RUN curl -s https://x | tar -xz',
    'RUN wget https://x/i.sh | sh',
    'RUN curl -s https://x | bash -c "cat > /f"',
    "RUN echo 'curl https://x | sh'",
  ].join('\n');
  const f = only(lintD(text), 'pipe-to-shell');
  assert.deepEqual(f.map((x) => [r(x), x.message.args]), [
    [[1, 4, 1, 43], { fetcher: 'curl', shell: 'sh' }],
    [[3, 4, 4, 32], { fetcher: 'wget', shell: 'bash' }],
    [[5, 4, 5, 43], { fetcher: 'curl', shell: 'sh' }],
    [[6, 4, 6, 38], { fetcher: 'curl', shell: 'bash' }],
    [[7, 18, 7, 44], { fetcher: 'curl', shell: 'sh' }],
  ]);
});

test('secret-in-build-arg: secret-looking names with literal values, on the NAME=value token', () => {
  const text = [
    'ARG GITHUB_TOKEN=ghp_abc123',
    'FROM alpine:3.20',
    'ARG DB_PASSWORD',
    'ARG API_KEY=',
    'ENV dbPassword=hunter2 MODE=prod',
    'ENV AWS_SECRET_ACCESS_KEY wJalrXUtnFEMI',
    'ENV PASSWORD_FILE=/run/secrets/pw TOKEN=$TOKEN SECRET_ENABLED=false PWD=/app',
    'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
  ].join('\n');
  const f = only(lintD(text), 'secret-in-build-arg');
  assert.deepEqual(f.map((x) => [r(x), x.message.args]), [
    [[0, 4, 0, 27], { instruction: 'ARG', name: 'GITHUB_TOKEN' }],
    [[4, 4, 4, 22], { instruction: 'ENV', name: 'dbPassword' }],
    [[5, 4, 5, 39], { instruction: 'ENV', name: 'AWS_SECRET_ACCESS_KEY' }],
  ]);
  assert.equal(f[0].severity, 'error');
});

test('unpinned-base-image: no tag or :latest; ARG defaults resolved; stages, scratch, digests and build-time images skipped', () => {
  const text = [
    'ARG BASE=ubuntu',
    'ARG TAGGED=ubuntu:24.04',
    'ARG CHOSEN',
    'FROM ${BASE} AS a',
    'FROM python:latest AS b',
    'FROM registry.local:5000/team/app AS c',
    'FROM ${TAGGED} AS d',
    'FROM ${CHOSEN} AS e',
    'FROM a AS f',
    'FROM scratch',
    'FROM alpine@sha256:beefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdeadbeefdead',
    'FROM registry.local:5000/team/app:1.2',
    'FROM --platform=$BUILDPLATFORM golang AS g',
  ].join('\n');
  const f = only(lintD(text), 'unpinned-base-image');
  assert.deepEqual(f.map((x) => [x.message.id, r(x), x.message.args]), [
    ['rule.unpinned-base-image.noTagResolved', [3, 5, 3, 12], { image: 'ubuntu' }],
    ['rule.unpinned-base-image.latest', [4, 5, 4, 18], { image: 'python:latest' }],
    ['rule.unpinned-base-image.noTag', [5, 5, 5, 33], { image: 'registry.local:5000/team/app' }],
    ['rule.unpinned-base-image.noTag', [12, 31, 12, 37], { image: 'golang' }],
  ]);
  assert.deepEqual(f[0].related!.map((x) => x.range.start.line), [0]);
});

test('sudo-in-run: on the word, fix removes it with its harmless options and following blanks', () => {
  const text = 'FROM debian:12\nRUN sudo apt-get update && \\\n    sudo -E apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN sudo -u app make\n';
  const f = only(lintD(text), 'sudo-in-run');
  assert.deepEqual(f.map(r), [[1, 4, 1, 8], [2, 4, 2, 8], [3, 4, 3, 8]]);
  fixAndRelint(text, f[0], text.replace('RUN sudo apt-get update', 'RUN apt-get update'));
  fixAndRelint(text, f[1], text.replace('    sudo -E apt-get', '    apt-get'));
  assert.equal(f[2].fixes, undefined); // -u app changes the user: no automatic fix
  assert.deepEqual(found('FROM debian:12\nRUN echo sudo; visudo -c\n', 'sudo-in-run'), []);
});

test('sensitive-file-copy: credentials by path, on the source argument', () => {
  const text = [
    'FROM alpine:3.20',
    'COPY .kube/config /root/.kube/config',
    'COPY id_rsa id_ed25519.pub /root/',
    'ADD .ssh /root/.ssh',
    'COPY ./.aws/credentials /root/.aws/credentials',
    'COPY .env .env.example /app/',
    'COPY --chown=app certs/server.key tls.pem /etc/tls/',
    'COPY --from=build /root/.netrc /root/',
    'COPY ["secrets/.env.production", "/app/"]',
    'COPY src/ package.json keys.txt /app/',
  ].join('\n');
  const f = only(lintD(text), 'sensitive-file-copy');
  assert.deepEqual(f.map((x) => [x.message.id.split('.').pop(), r(x)]), [
    ['kubeconfig', [1, 5, 1, 17]],
    ['sshKey', [2, 5, 2, 11]],
    ['sshDir', [3, 4, 3, 8]],
    ['aws', [4, 5, 4, 23]],
    ['envFile', [5, 5, 5, 9]],
    ['keyFile', [6, 17, 6, 33]],
    ['keyFile', [6, 34, 6, 41]],
    ['credentialsFile', [7, 18, 7, 30]],
    ['envFile', [8, 6, 8, 31]],
  ]);
});

test('exposed-sensitive-port: control-plane ports and ranges; everyday ports and udp not', () => {
  const text = 'ARG API=6443\nFROM alpine:3.20\nEXPOSE 80 443 8080 ${API}/tcp 10250\nEXPOSE 2370-2380 2379/udp 9090\n';
  const f = only(lintD(text), 'exposed-sensitive-port');
  assert.deepEqual(f.map((x) => [x.message.id, r(x), x.message.args]), [
    ['rule.exposed-sensitive-port.message', [2, 19, 2, 29], { port: '${API}/tcp', component: 'kube-apiserver', ports: '6443' }],
    ['rule.exposed-sensitive-port.message', [2, 30, 2, 35], { port: '10250', component: 'kubelet', ports: '10250' }],
    ['rule.exposed-sensitive-port.messageRange', [3, 7, 3, 16], { port: '2370-2380', component: 'Docker Engine API, etcd', ports: '2375, 2376, 2379, 2380' }],
  ]);
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

test('suppression: a comment above a multi-line RUN silences a finding on its continuation line', () => {
  const text = 'FROM debian:12\n# dockyard-ignore sudo-in-run: the base image sets USER app\nRUN apt-get update && \\\n    sudo apt-get install -y x && rm -rf /var/lib/apt/lists/*\n';
  assert.deepEqual(found(text, 'sudo-in-run'), []);
  assert.deepEqual(found(text, 'suppression-without-reason'), []);
  assert.deepEqual(found(text.replace('# dockyard-ignore sudo-in-run: the base image sets USER app\n', ''), 'sudo-in-run'), [['rule.sudo-in-run.message', [2, 4, 2, 8]]]);
});

test('ONBUILD triggers are checked like the instructions they become', () => {
  const text = 'FROM debian:12\nONBUILD RUN curl -s https://x | sh\nONBUILD ADD https://x/y /y\n';
  assert.deepEqual(found(text, 'pipe-to-shell'), [['rule.pipe-to-shell.message', [1, 12, 1, 34]]]);
  assert.deepEqual(found(text, 'add-remote-url'), [['rule.add-remote-url.message', [2, 12, 2, 23]]]);
});

test('root-user: loci\'s own Dockerfile is not flagged (its runtime user comes from the deployment)', async () => {
  const { lint, only } = await import('../../helpers');
  const loci = 'ARG WHEELS=quay.io/airshipit/requirements:master-ubuntu_jammy\nARG FROM=ubuntu:jammy\nFROM ${WHEELS} AS wheels\nFROM ${FROM} AS common\nARG PROJECT\nARG PROFILES\nCOPY scripts /opt/loci/scripts\nFROM common AS project\nRUN --mount=type=bind,from=wheels,target=/wheels /opt/loci/scripts/project.sh\n';
  assert.equal(only(lint(loci, '/ws/loci/Dockerfile'), 'root-user').length, 0);
  assert.equal(only(lint('FROM ubuntu:24.04\nRUN true\n', '/ws/app/Dockerfile'), 'root-user').length, 1);
});
