// The control structure of Helm templates (model/helm-template.ts): chains of branches, conditions,
// their three-valued evaluation with values and capabilities, and the variants of a document.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  branchStatus,
  condText,
  describeBranch,
  evalCond,
  helmDocument,
  MAX_TEMPLATE_DEPTH,
  MAX_VARIANTS,
  parseCond,
  scanTemplate,
  semverSatisfies,
  type Capabilities,
} from '../../../server/src/core/model/helm-template';
import { maskHelm } from '../../../server/src/core/model/helm';
import { splitDocuments } from '../../../server/src/core/model/yaml';

const HEAT = [
  'apiVersion: apps/v1', // 0
  '{{- if .Values.manifests.deployment }}', // 1
  'kind: Deployment', // 2
  'spec:', // 3
  '  strategy: {}', // 4
  '{{- else if .Values.manifests.statefulset }}', // 5
  'kind: StatefulSet', // 6
  'spec:', // 7
  '  serviceName: heat', // 8
  '{{- end }}', // 9
  '  replicas: {{ .Values.pod.replicas }}', // 10
  '  template:', // 11
  '{{- if .Values.manifests.deployment }}', // 12
  '    metadata: {annotations: {a: b}}', // 13
  '{{- else if .Values.manifests.statefulset }}', // 14
  '    metadata: {}', // 15
  '{{- end }}', // 16
  '',
].join('\n');

const lines = (s: string) => s.split('\n');

describe('scanTemplate', () => {
  test('chains, branches, nesting, includes and plain values, with offsets into the text', () => {
    const t = [
      '{{- $envAll := . }}',
      '{{- if .Values.a }}',
      'x: 1',
      '{{- with .Values.b }}',
      'y: {{ include "snip.name" $envAll | indent 2 }}',
      '{{- end }}',
      '{{- else }}',
      'z: {{ $envAll.Values.c.d }}',
      '{{- end }}',
    ].join('\n');
    const s = scanTemplate(t);
    assert.equal(s.complete, true);
    assert.deepEqual(
      s.chains.map((c) => [c.kind, c.depth, c.inline, c.branches.map((b) => [b.text, t.slice(b.start, b.end)])]),
      [
        ['if', 0, false, [['.Values.a', '\nx: 1\n{{- with .Values.b }}\ny: {{ include "snip.name" $envAll | indent 2 }}\n{{- end }}\n'], ['', '\nz: {{ $envAll.Values.c.d }}\n']]],
        ['with', 1, false, [['.Values.b', '\ny: {{ include "snip.name" $envAll | indent 2 }}\n']]],
      ],
    );
    assert.equal(s.chains[1].parent, s.chains[0].branches[0]);
    assert.deepEqual(s.includes.map((i) => [i.name, t.slice(i.start, i.end)]), [['snip.name', '{{ include "snip.name" $envAll | indent 2 }}']]);
    // `$envAll := .` makes `$envAll.Values` the chart's values.
    assert.deepEqual(s.values.map((v) => v.path), [['c', 'd']]);
  });

  test('an if/else written inside one line is inline (a masked scalar, not alternatives)', () => {
    const s = scanTemplate('path: {{ if .Values.a }}/a{{ else }}/b{{ end }}\n{{- if .Values.c }}\nk: v\n{{- end }}\n');
    assert.deepEqual(s.chains.map((c) => c.inline), [true, false]);
  });

  test('nesting deeper than MAX_TEMPLATE_DEPTH, or a missing end, leaves the structure incomplete (every branch kept)', () => {
    const deep = '{{ if .Values.a }}\n'.repeat(MAX_TEMPLATE_DEPTH + 1);
    assert.equal(scanTemplate(deep).complete, false);
    assert.equal(scanTemplate('{{ if .Values.a }}\nk: v\n').complete, false);
    const info = helmDocument(scanTemplate(HEAT.replace('{{- end }}\n  replicas', '  replicas')), HEAT, 0, HEAT.length, {});
    assert.equal(info.variants.length, 1);
  });
});

describe('conditions', () => {
  const values = { manifests: { deployment: true, statefulset: false }, conf: { backend: 'lvm', list: ['ovn'], empty: '' } };
  const caps: Capabilities = { kubeVersion: '1.30.0', has: (api) => (api === 'policy/v1' ? true : api === 'policy/v1beta1' ? false : undefined) };
  const ev = (s: string) => evalCond(parseCond(s, new Set(['$', '$envAll'])), values, caps);

  test('values paths, not, and/or, eq/ne with literals, empty/has/contains', () => {
    assert.deepEqual(
      [
        '.Values.manifests.deployment',
        '.Values.manifests.statefulset',
        '.Values.missing.key',
        'not .Values.manifests.statefulset',
        'and .Values.manifests.deployment (not .Values.manifests.statefulset)',
        'or .Values.manifests.statefulset .Values.conf.missing',
        'eq .Values.conf.backend "lvm"',
        'ne .Values.conf.backend "lvm"',
        'eq "lvm" $envAll.Values.conf.backend',
        'empty .Values.conf.empty',
        'has "ovn" .Values.conf.list',
        'contains "v" .Values.conf.backend',
        'and .Values.manifests.deployment',
      ].map(ev),
      [true, false, false, true, true, false, true, false, true, true, true, true, true],
    );
  });

  test('what cannot be decided is undefined: includes, other functions, unknown variables', () => {
    assert.deepEqual(['.Values.a | quote', 'eq "true" (include "x" .)', '$other.Values.a', 'or .Values.manifests.statefulset (include "y" .)', 'gt (int64 .Values.n) 0', '.Release.IsUpgrade'].map(ev), [
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    assert.equal(condText(parseCond('eq "true" (include "x" .)')), 'eq "true" (include "x" .)');
    // Without values, every values path is undecided.
    assert.equal(evalCond(parseCond('.Values.a'), undefined, caps), undefined);
  });

  test('an unknown operand does not hide a decided one: and with a false operand is false, or with a true one is true', () => {
    assert.deepEqual(
      [
        'and (include "common.capabilities.psp.supported" .) .Values.manifests.statefulset',
        'or (include "x" .) .Values.manifests.deployment',
        'and $needsVolumePermissions .Values.manifests.statefulset',
        'or .Release.IsUpgrade (eq .Values.conf.backend "lvm")',
        'and (include "x" .) .Values.manifests.deployment',
      ].map(ev),
      [false, true, false, true, undefined],
    );
    assert.equal(condText(parseCond('and (include "common.capabilities.psp.supported" .) .Values.psp.create')), '(include "common.capabilities.psp.supported" .) and psp.create');
  });

  test('pipelines, default and required: the value unless it is empty, else the default literal', () => {
    assert.deepEqual(
      [
        '.Values.a | default true', // absent: the default
        'default true .Values.manifests.statefulset', // false is empty: the default
        'default false .Values.manifests.deployment', // true: the value
        'eq (.Values.conf.empty | default "x") "x"',
        '.Values.conf.backend | default "ceph" | eq "lvm"', // a pipe passes its value as the last argument
        'required "set conf.backend" .Values.conf.backend | eq "lvm"',
        '.Values.manifests.deployment | not',
        'default (include "x" .) .Values.conf.empty', // empty value, default unknowable
      ].map(ev),
      [true, true, true, true, true, true, false, undefined],
    );
    assert.equal(condText(parseCond('.Values.a | default "b"')), 'default "b" a');
  });

  test('a variable assigned once to a readable expression decides the conditions that use it; one assigned twice stays unknown', () => {
    const t = [
      '{{- $needs := and .Values.manifests.deployment .Values.conf.missing }}',
      '{{- $twice := .Values.manifests.deployment }}',
      '{{- $twice = false }}',
      '{{- if or $needs .Values.manifests.statefulset }}',
      'a: 1',
      '{{- end }}',
      '{{- if $twice }}',
      'b: 1',
      '{{- end }}',
      '{{- if not $needs }}',
      'c: 1',
      '{{- end }}',
      '',
    ].join('\n');
    const chains = scanTemplate(t).chains;
    assert.deepEqual(chains.map((c) => evalCond(c.branches[0].cond!, values, caps)), [false, undefined, true]);
    assert.equal(condText(chains[0].branches[0].cond!), '(manifests.deployment and conf.missing) or manifests.statefulset');
  });

  test('.Capabilities.APIVersions.Has and semverCompare on the cluster version', () => {
    assert.deepEqual(['.Capabilities.APIVersions.Has "policy/v1"', 'not (.Capabilities.APIVersions.Has "policy/v1beta1")', '.Capabilities.APIVersions.Has "x/v1"'].map(ev), [true, true, undefined]);
    assert.deepEqual(['semverCompare ">=1.21-0" .Capabilities.KubeVersion.GitVersion', 'semverCompare "<1.25" $.Capabilities.KubeVersion.Version'].map(ev), [true, false]);
  });

  test('semverSatisfies reads Masterminds constraints', () => {
    const cases: [string, string, boolean | undefined][] = [
      ['1.30.0', '>=1.21-0', true],
      ['1.20.4', '>=1.21-0', false],
      ['1.30.0', '>= 1.19, < 1.25', false],
      ['1.22.0', '>= 1.19, < 1.25', true],
      ['1.30.0', '<1.25 || >=1.29', true],
      ['1.30.0', '~1.30', true],
      ['1.31.0', '~1.30', false],
      ['1.30.0', '^1.2', true],
      ['1.30.0', '1.x', true],
      ['1.30.0', 'banana', undefined],
    ];
    assert.deepEqual(cases.map(([v, c]) => semverSatisfies(v, c)), cases.map((c) => c[2]));
  });

  test('branch status: an else renders when every earlier condition is false', () => {
    const s = scanTemplate(HEAT);
    const [dep, sts] = s.chains[0].branches;
    assert.deepEqual([branchStatus(dep, values, caps), branchStatus(sts, values, caps)], [true, false]);
    assert.deepEqual([branchStatus(dep, undefined, caps), branchStatus(sts, undefined, caps)], [undefined, undefined]);
    assert.deepEqual(describeBranch(sts, values), { text: 'not manifests.deployment and manifests.statefulset' });
    assert.deepEqual(describeBranch(dep, values), { text: 'manifests.deployment', plain: 'true' });
    const e = scanTemplate('{{ if .Values.conf.backend }}\na: 1\n{{ else }}\nb: 2\n{{ end }}\n').chains[0].branches;
    assert.deepEqual([describeBranch(e[0], values), describeBranch(e[1], values)], [
      { text: 'conf.backend', plain: 'set' },
      { text: 'conf.backend', plain: 'unset' },
    ]);
  });
});

describe('helmDocument: variants', () => {
  test('two chains on the same conditions choose together: one variant per alternative, the default first', () => {
    const s = scanTemplate(HEAT);
    const info = helmDocument(s, HEAT, 0, HEAT.length, { manifests: { deployment: false, statefulset: true }, pod: { replicas: 3 } });
    assert.equal(info.variants.length, 2);
    const [v0, v1] = info.variants.map((v) => lines(maskHelm(v.text)));
    // Default values select the StatefulSet: its branches are kept, the Deployment's blanked.
    assert.deepEqual([v0[2], v0[6], v0[8], v0[13], v0[15]], ['                ', 'kind: StatefulSet', '  serviceName: heat', ' '.repeat(35), '    metadata: {}']);
    assert.deepEqual([v1[2], v1[6], v1[8], v1[13]], ['kind: Deployment', ' '.repeat(17), ' '.repeat(19), '    metadata: {annotations: {a: b}}']);
    assert.deepEqual(info.variants[1].deviations.map((b) => [b.text, b.index]), [['.Values.manifests.deployment', 0], ['.Values.manifests.deployment', 0]]);
    // A plain value in value position takes its default (padded: offsets and lines kept).
    assert.equal(v0[10], `  replicas: 3${' '.repeat('{{ .Values.pod.replicas }}'.length - 1)}`);
    assert.deepEqual(info.substitutions.map((x) => [x.path.join('.'), x.value]), [['pod.replicas', '3']]);
    for (const v of info.variants) assert.equal(v.text.length, HEAT.length);
  });

  test('a branch nested in a branch the defaults leave out gets a variant with both (outer condition first)', () => {
    const t = ['{{- if not .Values.storage.enabled }}', '{{- if .Values.storage.local }}', 'a: hostPath', '{{- else }}', 'a: emptyDir', '{{- end }}', '{{- else }}', 'a: pvc', '{{- end }}', ''].join('\n');
    const info = helmDocument(scanTemplate(t), t, 0, t.length, { storage: { enabled: true, local: false } });
    assert.deepEqual(info.variants.map((v) => lines(maskHelm(v.text)).filter((l) => l.trim()).join('|')), ['a: pvc', 'a: emptyDir', 'a: hostPath']);
    assert.deepEqual(info.variants[2].deviations.map((b) => b.text), ['not .Values.storage.enabled', '.Values.storage.local']);
  });

  test('only booleans and numbers are written in, only where a scalar value goes, only when they fit', () => {
    const t = 'a: {{ .Values.b }}\nc: {{ .Values.s }}\n- {{ .Values.n }}\n{{ .Values.b }}: x\nd: {{ .Values.l }}\ne: {{ .Values.big }}\n';
    const info = helmDocument(scanTemplate(t), t, 0, t.length, { b: true, s: 'text', n: 7, l: 1234567890123456, big: 2 ** 60 });
    assert.deepEqual(info.substitutions.map((x) => [x.path[0], x.value]), [
      ['b', 'true'],
      ['n', '7'],
    ]);
  });

  test('`| default` and `default x`: the value from the values unless it is empty, else the literal (fromDefault); quote and toYaml stay unknowable', () => {
    const t = [
      'a: {{ .Values.set | default 5 }}',
      'b: {{ .Values.absent | default 1000 }}',
      'c: {{ default true .Values.off }}',
      'd: {{ .Values.absent | default "30" }}',
      'e: {{ .Values.absent | default "thirty" }}',
      'f: {{ .Values.set | quote }}',
      'g: {{ required "x is required" .Values.set }}',
      'h: {{ .Values.absent | default (include "n" .) }}',
      'i: {{ toYaml .Values.set }}',
      '',
    ].join('\n');
    const info = helmDocument(scanTemplate(t), t, 0, t.length, { set: 42, off: false });
    assert.deepEqual(
      info.substitutions.map((x) => [t.slice(x.start, x.start + 1), x.path.join('.'), x.value, !!x.fromDefault]),
      [
        ['{', 'set', '42', false],
        ['{', 'absent', '1000', true],
        ['{', 'off', 'true', true],
        ['{', 'absent', '30', true],
        ['{', 'set', '42', false],
      ],
    );
    assert.deepEqual(info.substitutions.map((x) => t.slice(0, x.start).split('\n').length), [1, 2, 3, 4, 7]);
  });

  test('at most MAX_VARIANTS variants, and the rest is said (truncated)', () => {
    const chain = (i: number) => `{{- if .Values.c${i} }}\nk${i}: a\n{{- else }}\nk${i}: b\n{{- end }}\n`;
    const t = Array.from({ length: 20 }, (_, i) => chain(i)).join('');
    const info = helmDocument(scanTemplate(t), t, 0, t.length, {});
    assert.equal(info.variants.length, MAX_VARIANTS);
    assert.equal(info.truncated, true);
  });

  test('property: every variant keeps the length and the line breaks of the document', () => {
    const piece = fc.constantFrom('{{ if .Values.a }}', '{{ else if .Values.b }}', '{{ else }}', '{{ end }}', '{{ .Values.n }}', 'k: ', '- ', '\n', '  ', 'v', '{{', '}}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        const info = helmDocument(scanTemplate(text), text, 0, text.length, { a: false, b: true, n: 1 });
        for (const v of info.variants) {
          assert.equal(v.text.length, text.length);
          assert.deepEqual([...v.text.matchAll(/\n/g)].map((m) => m.index), [...text.matchAll(/\n/g)].map((m) => m.index));
        }
      }),
      { numRuns: 2000, seed: 13 },
    );
  });
});

test('property: masking a template document alone gives the document of the masked template (the engine takes the chunk for an unchanged default variant without the mask character)', () => {
  const piece = fc.constantFrom('{{ if .Values.a }}', '{{- end }}', '{{ .Values.n }}', '{{/*\n---\n*/}}', '{{', '}}', '---\n', '--- # c\n', 'k: ', '- ', '\n', '\r\n', '  ', 'v', '# c', '\uE000', '%YAML 1.2\n');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 50 }), (parts) => {
      const text = parts.join('');
      for (const c of splitDocuments(maskHelm(text))) {
        const original = text.slice(c.startOffset, c.startOffset + c.text.length);
        // A text holding the mask character itself is masked again by the engine.
        if (!original.includes('\uE000')) assert.equal(maskHelm(original), c.text, JSON.stringify(text));
      }
    }),
    { numRuns: 3000, seed: 21 },
  );
});
