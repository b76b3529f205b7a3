import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { YMap } from '../../../server/src/core/model/ynode';
import { DockerfileModel } from '../../../server/src/core/model/dockerfile';
import { YamlDocModel } from '../../../server/src/core/model/yaml';
import { argEntry, dockerfileBuilds, shellBuilds, yamlBuilds, type LociBuild } from '../../../server/src/core/loci/sources';
import { parseShellScript } from '../../../server/src/core/loci/shell-words';
import { scalarText } from '../../../server/src/core/loci/yaml-scalar';
import { isStatic, UNKNOWN, valueWords } from '../../../server/src/core/loci/value';

/** The source text a value's characters came from, and the source of its whole range. */
function src(b: LociBuild, name: string): { value: string; source: string; name: string } {
  const e = argEntry(b, name);
  assert.ok(e?.value, name);
  return { value: e.value.text, source: b.lines.text.slice(e.value.start, e.value.end), name: b.lines.text.slice(e.nameSpan.start, e.nameSpan.end) };
}

describe('shell reader', () => {
  test('words, quotes, escapes, continuations, comments', () => {
    const s = parseShellScript(`echo 'a b' "c \\"d\\"" e\\ f # comment\nx=1; y=2 && z \\\n  w\n`);
    assert.deepEqual(s.commands.map((c) => c.words.map((w) => w.value.text)), [['echo', 'a b', 'c "d"', 'e f'], ['x=1'], ['y=2'], ['z', 'w']]);
  });
  test('here-documents are skipped, redirections are not words', () => {
    const s = parseShellScript(`cat <<EOF > out.txt\ndocker build --build-arg PROJECT=x .\nEOF\ncat <<-'X' 2>&1\n\tdocker build\n\tX\nls\n`);
    assert.deepEqual(s.commands.map((c) => c.words.map((w) => w.value.text)), [['cat'], ['cat'], ['ls']]);
  });
  test('static assignments are substituted; everything else is UNKNOWN', () => {
    const s = parseShellScript(`TAG=2025.2-ubuntu_noble_loci\nexport REG=quay.io/airshipit\nD=\${X:-y}\necho "$REG/base:$TAG" \${TAG} $D $(date) \`id\` $1 "$@" $UNSET\n`);
    const words = s.commands[3].words.map((w) => w.value.text);
    assert.deepEqual(words, ['echo', 'quay.io/airshipit/base:2025.2-ubuntu_noble_loci', '2025.2-ubuntu_noble_loci', UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
    assert.equal(s.vars.get('D'), null);
  });
  test('a substituted variable maps every character to the reference', () => {
    const text = 'T=abc\necho x$T\n';
    const w = parseShellScript(text).commands[1].words[1].value;
    assert.equal(w.text, 'xabc');
    assert.deepEqual([w.starts, w.ends], [[11, 12, 12, 12], [12, 14, 14, 14]]);
  });
  test('an unquoted expansion with blanks would split: unknown', () => {
    const s = parseShellScript('P="a b"\necho $P "$P"\n');
    assert.deepEqual(s.commands[1].words.map((w) => w.value.text), ['echo', UNKNOWN, 'a b']);
  });
});

describe('docker build command lines', () => {
  test("--build-arg K=V, --build-arg=K=V, quotes: the value range is the inner text", () => {
    const text = `docker buildx build . -f Dockerfile --target project \\\n  --build-arg PROFILES='fluent ceph qemu' --build-arg=PROJECT=glance \\\n  --build-arg "PIP_PACKAGES=a b" --build-arg DIST_PACKAGES= --build-arg WHEELS\n`;
    const [b] = shellBuilds(text);
    assert.equal(b.kind, 'main');
    assert.deepEqual(src(b, 'PROFILES'), { value: 'fluent ceph qemu', source: 'fluent ceph qemu', name: 'PROFILES' });
    assert.deepEqual(src(b, 'PROJECT'), { value: 'glance', source: 'glance', name: 'PROJECT' });
    assert.deepEqual(src(b, 'PIP_PACKAGES'), { value: 'a b', source: 'a b', name: 'PIP_PACKAGES' });
    assert.equal(src(b, 'DIST_PACKAGES').value, '');
    assert.equal(argEntry(b, 'WHEELS')?.value, undefined);
    assert.equal(b.target?.value.text, 'project');
    assert.equal(b.dockerfile?.value.text, 'Dockerfile');
    assert.equal(b.context?.value.text, '.');
    assert.equal(text.slice(b.anchor.start, b.anchor.end), 'docker buildx build');
    assert.equal(b.complete, true);
  });
  test('buildah bud, podman build, docker image build, sudo and env prefixes', () => {
    const text = [
      'buildah bud --build-arg PROFILES=fluent -f Dockerfile .',
      'podman build --build-arg PROFILES=fluent .',
      'sudo -E docker image build --build-arg PROFILES=fluent .',
      'env FOO=1 nerdctl build --build-arg PROFILES=fluent .',
      'if true; then docker build --build-arg PROFILES=fluent .; fi',
      'docker run --build-arg PROFILES=fluent img',
      '',
    ].join('\n');
    assert.deepEqual(shellBuilds(text).map((b) => text.slice(b.anchor.start, b.anchor.end)), ['buildah bud', 'podman build', 'docker image build', 'nerdctl build', 'docker build']);
  });
  test('builds inside case, functions, loops and subshells (the shared shell parser finds every command)', () => {
    const text = [
      'build() {',
      '  docker build . --build-arg PROFILES="$1"',
      '}',
      'case "$P" in',
      '  cinder) docker build . --build-arg PROFILES=lvm ;;',
      '  *) (cd loci && docker build . --build-arg PROFILES=ceph) ;;',
      'esac',
      'while read -r p; do docker build . --build-arg PROFILES=fluent; done <<EOF',
      'docker build . --build-arg PROFILES=not-a-command',
      'EOF',
      '',
    ].join('\n');
    assert.deepEqual(shellBuilds(text).map((b) => argEntry(b, 'PROFILES')!.value!.text), [UNKNOWN, 'lvm', 'ceph', 'fluent']);
  });
  test('-f Dockerfile.base is a base build, kept only with loci evidence', () => {
    assert.deepEqual(shellBuilds('docker build -f Dockerfile.base --build-arg FROM=ubuntu:noble .\n'), []);
    const withCeph = shellBuilds('docker build -f Dockerfile.base --build-arg FROM=ubuntu:noble --build-arg CEPH_REPO= .\n');
    assert.deepEqual(withCeph.map((b) => b.kind), ['base']);
    const withSibling = shellBuilds('docker build -f Dockerfile.base --build-arg FROM=ubuntu:noble .\ndocker build --build-arg PROFILES=fluent .\n');
    assert.deepEqual(withSibling.map((b) => b.kind), ['base', 'main']);
  });
  test('variables: static ones resolve (ranges point at the reference), others are unknown', () => {
    const text = 'TAG=2025.2-ubuntu_noble_loci\ndocker build --build-arg WHEELS="$REGISTRY/requirements:$TAG" --build-arg PROFILES=fluent .\n';
    const [b] = shellBuilds(text);
    const w = argEntry(b, 'WHEELS')!.value!;
    assert.equal(w.text, `${UNKNOWN}/requirements:2025.2-ubuntu_noble_loci`);
    assert.equal(isStatic(w), false);
    assert.equal(text.slice(w.start, w.end), '$REGISTRY/requirements:$TAG');
  });
});

describe('compose and workflow YAML', () => {
  const doc = (t: string) => new YamlDocModel(t);
  test('compose map form keeps literal quotes inside the YAML value (R2); list form; target, dockerfile, image', () => {
    const text = `services:\n  a:\n    image: r/x:2025.2-ubuntu_noble_loci\n    build:\n      context: ../loci\n      dockerfile: Dockerfile\n      target: project\n      args:\n        PROFILES: "'fluent ceph'"\n        KEEP_ALL_WHEELS: False\n        UID: 42424\n        EMPTY:\n  b:\n    build:\n      context: ../loci\n      args:\n        - PROFILES=fluent ceph\n        - "PROJECT=glance"\n        - WHEELS\n`;
    const [a, b] = yamlBuilds(doc(text));
    assert.deepEqual(src(a, 'PROFILES'), { value: "'fluent ceph'", source: "'fluent ceph'", name: 'PROFILES' });
    assert.equal(src(a, 'KEEP_ALL_WHEELS').value, 'false');
    assert.equal(src(a, 'UID').value, '42424');
    assert.equal(argEntry(a, 'EMPTY')?.value, undefined);
    assert.deepEqual([a.target?.value.text, a.dockerfile?.value.text, a.images[0].text, a.label], ['project', 'Dockerfile', 'r/x:2025.2-ubuntu_noble_loci', 'a']);
    assert.deepEqual(src(b, 'PROFILES'), { value: 'fluent ceph', source: 'fluent ceph', name: 'PROFILES' });
    assert.deepEqual(src(b, 'PROJECT'), { value: 'glance', source: 'glance', name: 'PROJECT' });
    assert.equal(argEntry(b, 'WHEELS')?.value, undefined);
  });
  test('compose interpolation: ${VAR} unknown, $$ literal', () => {
    const [b] = yamlBuilds(doc('services:\n  a:\n    build:\n      context: ./loci\n      args:\n        WHEELS: r/requirements:${TAG}\n        PIP_ARGS: $$HOME\n'));
    assert.equal(argEntry(b, 'WHEELS')!.value!.text, `r/requirements:${UNKNOWN}`);
    assert.equal(argEntry(b, 'PIP_ARGS')!.value!.text, '$HOME');
  });
  test('workflow build-args block: each line a KEY=value with exact ranges; ${{ }} is unknown', () => {
    const text = 'jobs:\n  j:\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          target: project\n          build-args: |\n            PROJECT=cinder\n            PROFILES=fluent lvm\n            WHEELS=r/req:${{ env.TAG }}\n';
    const [b] = yamlBuilds(doc(text));
    assert.deepEqual(src(b, 'PROFILES'), { value: 'fluent lvm', source: 'fluent lvm', name: 'PROFILES' });
    const prof = argEntry(b, 'PROFILES')!.value!;
    assert.deepEqual(valueWords(prof).map((w) => b.lines.text.slice(prof.starts[w.start], prof.ends[w.end - 1])), ['fluent', 'lvm']);
    assert.equal(argEntry(b, 'WHEELS')!.value!.text, `r/req:${UNKNOWN}`);
    assert.equal(b.target?.value.text, 'project');
  });
  test('workflow run: docker build lines inside the script map back into the YAML', () => {
    const text = 'jobs:\n  j:\n    steps:\n      - run: |\n          docker build . \\\n            --build-arg PROFILES="fluent ceph" --build-arg PROJECT=glance\n';
    const [b] = yamlBuilds(doc(text));
    assert.equal(b.source, 'workflow');
    assert.deepEqual(src(b, 'PROFILES'), { value: 'fluent ceph', source: 'fluent ceph', name: 'PROFILES' });
    assert.equal(text.slice(b.anchor.start, b.anchor.end), 'docker build');
  });
  test('other YAML has no builds', () => {
    assert.deepEqual(yamlBuilds(doc('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n')), []);
    assert.deepEqual(yamlBuilds(doc('services:\n  web:\n    image: nginx\n')), []);
  });
});

describe('YAML scalar mapping', () => {
  const map = (yaml: string) => {
    const d = new YamlDocModel(yaml);
    const node = (d.contents as YMap).items[0].value;
    const t = scalarText(node, yaml)!;
    return { t, chars: [...t.text].map((_c, i) => yaml.slice(t.starts[i], t.ends[i])) };
  };
  test('plain, single- and double-quoted with escapes', () => {
    assert.deepEqual(map('a: x y\n').chars, ['x', ' ', 'y']);
    assert.deepEqual(map("a: 'it''s'\n").chars, ['i', 't', "''", 's']);
    assert.deepEqual(map('a: "q\\"\\u0041"\n').chars, ['q', '\\"', '\\u0041']);
  });
  test('literal and folded blocks', () => {
    const lit = map('a: |\n  K=1\n  L=2\n');
    assert.equal(lit.t.text, 'K=1\nL=2\n');
    assert.deepEqual(lit.chars.slice(0, 5), ['K', '=', '1', '\n', 'L']);
    const fold = map('a: >-\n  one\n  two\n');
    assert.equal(fold.t.text, 'one two');
    assert.deepEqual(fold.chars, ['o', 'n', 'e', '\n', 't', 'w', 'o']);
  });
  test('multi-line plain scalars fold too', () => {
    const m = map('a: one\n  two\n');
    assert.equal(m.t.text, 'one two');
    assert.deepEqual(m.chars.slice(3), ['\n', 't', 'w', 'o']);
  });
});

describe('Dockerfile ARG defaults', () => {
  test('a loci Dockerfile fork: quotes removed, earlier defaults resolved, ranges of the inner text', () => {
    const text = 'ARG WHEELS=r/requirements:2025.2-ubuntu_noble_loci\nARG FROM=r/base:2025.2-ubuntu_noble_loci\nFROM ${WHEELS} AS wheels\nFROM ${FROM} AS common\nARG PROJECT=cinder\nARG PROJECT_REPO=https://opendev.org/openstack/${PROJECT}\nARG PROFILES="fluent \\"x\\""\nARG PIP_ARGS=\'$HOME\'\nARG HORIZON_EXTRA_PANELS\nFROM common AS project\nRUN /opt/loci/scripts/project.sh\n';
    const [b] = dockerfileBuilds(new DockerfileModel(text), '/ws/loci/Dockerfile');
    assert.equal(b.declarations, true);
    assert.deepEqual(src(b, 'PROJECT_REPO').value, 'https://opendev.org/openstack/cinder');
    assert.deepEqual(src(b, 'PROFILES'), { value: 'fluent "x"', source: 'fluent \\"x\\"', name: 'PROFILES' });
    assert.equal(src(b, 'PIP_ARGS').value, '$HOME');
    assert.deepEqual(b.declaredOnly, ['HORIZON_EXTRA_PANELS']);
  });
  test('other Dockerfiles have no loci build; Dockerfile.base is recognised', () => {
    assert.deepEqual(dockerfileBuilds(new DockerfileModel('FROM node:20\nARG PROJECT=x\nRUN npm ci\n'), '/ws/Dockerfile'), []);
    const base = dockerfileBuilds(new DockerfileModel('ARG FROM=ubuntu:noble\nFROM ${FROM}\nARG CEPH_REPO=""\nRUN /opt/loci/scripts/base.sh\n'), '/ws/loci/Dockerfile.base');
    assert.deepEqual(base.map((b) => b.kind), ['base']);
  });
});
