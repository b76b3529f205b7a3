// More if/else alternatives than Dockyard analyses (MAX_VARIANTS) are said, never read as "no problems".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import { MAX_VARIANTS } from '../../../server/src/core/model/helm-template';
import { maskHelm } from '../../../server/src/core/model/helm';

function template(chains: number): string {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: many', 'data:'];
  for (let i = 0; i < chains; i++) lines.push(`{{- if .Values.f${i} }}`, `  k${i}: "on"`, '{{- else }}', `  k${i}: "off"`, '{{- end }}');
  return lines.join('\n') + '\n';
}

const analyze = (text: string) =>
  new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  }).analyze({ path: '/ws/chart/templates/cm.yaml', text, helmChartTemplate: true }, mergeConfig()).findings;

test('a Helm template with more alternatives than MAX_VARIANTS gets an analysis-incomplete information', () => {
  const f = analyze(template(MAX_VARIANTS + 4)).filter((x) => x.rule === 'analysis-incomplete');
  assert.deepEqual(
    f.map((x) => [x.severity, x.message, x.range.start.line]),
    [['information', { id: 'rule.analysis-incomplete.helmVariants', args: { limit: MAX_VARIANTS } }, 0]],
  );
});

test('a Helm template within the limit gets none', () => {
  assert.deepEqual(analyze(template(3)).filter((x) => x.rule === 'analysis-incomplete'), []);
});

test('a Helm variant whose masked text is the default variant\'s is not parsed or checked again; the findings stay', () => {
  const text = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: p',
    'spec:',
    '  containers:',
    '    - name: c',
    '      image: r.example/c:1',
    '{{- if typeIs "string" .Values.extra }}',
    '      {{- tpl .Values.extra $ }}',
    '{{- else }}',
    '      {{- tpl (toYaml .Values.extra) $ }}',
    '{{- end }}',
    '{{- if .Values.debug }}',
    '      securityContext:',
    '        privileged: true',
    '{{- end }}',
    '',
  ].join('\n');
  const analyzer = new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
  const findings = analyzer.analyze({ path: '/ws/chart/templates/pod.yaml', text, helmChartTemplate: true }, mergeConfig()).findings;
  const y = analyzer.yamlFor('/ws/chart/templates/pod.yaml', text);
  const h = y.states[0].helm!;
  // The other variant masks to the default's text: not parsed, not checked again.
  assert.equal(h.info.variants.length, 2);
  assert.equal(maskHelm(h.info.variants[1].text), y.states[0].model.text);
  assert.deepEqual(h.variants, [undefined]);
  // The privileged container of the debug variant is still found (information: off by default).
  assert.ok(findings.some((f) => f.rule === 'privileged-container' && f.range.start.line === 15), JSON.stringify(findings.map((f) => [f.rule, f.range.start.line])));
});
