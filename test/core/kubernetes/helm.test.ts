import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import { mergeConfig } from '../../../server/src/core/config/config';
import type { Finding } from '../../../server/src/core/types';
import { ROOT } from '../../lsp/client';
import { r } from '../../helpers';
import { MASK, isMasked, maskHelm } from '../../../server/src/core/model/helm';

const FIXTURES = path.join(ROOT, 'test/fixtures/helm');

function analyzer(): Analyzer {
  return new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
}

function templates(): string[] {
  const out: string[] = [];
  // The openstack-helm style charts (relay has findings on purpose: helm-branches.test.ts).
  for (const chart of ['cinder', 'glance']) {
    const dir = path.join(FIXTURES, chart, 'templates');
    for (const f of fs.readdirSync(dir).sort()) out.push(path.join(dir, f));
  }
  return out;
}

describe('Helm chart templates (openstack-helm style fixtures)', () => {
  test('no error or warning from any rule on any template', () => {
    const a = analyzer();
    const files = templates();
    assert.ok(files.length >= 6, files.join(','));
    const report: string[] = [];
    // twice: first pass indexes every file (cross-resource rules see the whole chart)
    for (let pass = 0; pass < 2; pass++) {
      for (const file of files) {
        const text = fs.readFileSync(file, 'utf8');
        const res = a.analyze({ path: file, text, helmChartTemplate: true }, mergeConfig());
        assert.equal(res.kind, 'kubernetes', file);
        if (pass === 1) {
          for (const f of res.findings) if (f.severity === 'error' || f.severity === 'warning') report.push(`${path.relative(FIXTURES, file)}:${f.range.start.line + 1} ${f.rule} ${JSON.stringify(f.message)}`);
        }
      }
    }
    assert.deepEqual(report, []);
  });

  test('values.yaml and Chart.yaml get no Kubernetes finding', () => {
    for (const chart of ['cinder', 'glance']) {
      for (const f of ['values.yaml', 'Chart.yaml']) {
        const p = path.join(FIXTURES, chart, f);
        const res = analyzer().analyze({ path: p, text: fs.readFileSync(p, 'utf8') }, mergeConfig());
        assert.deepEqual(res.findings, [], p);
      }
    }
  });

  test('what parses is still checked: a literal typo, a wrong enum and a removed API inside a template', () => {
    const file = path.join(FIXTURES, 'cinder/templates/deployment-api.yaml');
    let text = fs.readFileSync(file, 'utf8');
    text = text.replace('      serviceAccountName: {{ $serviceAccountName }}\n', '      serviceAccountName: {{ $serviceAccountName }}\n      restartPolicy: Sometimes\n')
      .replace('          lifecycle:', '          lifecyle:')
      .replace('apiVersion: apps/v1', 'apiVersion: extensions/v1beta1');
    const f = analyzer().analyze({ path: file, text, helmChartTemplate: true }, mergeConfig()).findings;
    const pick = (rule: string) => f.filter((x) => x.rule === rule).map((x) => [x.range.start.line, x.message.args?.key ?? x.message.args?.actual ?? x.message.args?.apiVersion]);
    assert.deepEqual(pick('removed-api'), [[11, 'extensions/v1beta1']]);
    const text2 = text.replace('apiVersion: extensions/v1beta1', 'apiVersion: apps/v1');
    const g = analyzer().analyze({ path: file, text: text2, helmChartTemplate: true }, mergeConfig()).findings;
    const pick2 = (rule: string) => g.filter((x) => x.rule === rule).map((x) => [x.range.start.line, x.message.args?.key ?? x.message.args?.actual]);
    assert.deepEqual(pick2('schema-enum'), [[35, 'Sometimes']]);
    assert.deepEqual(pick2('schema-unknown-field'), [[61, 'lifecyle']]);
  });
});

function lintHelm(text: string): Finding[] {
  return analyzer().analyze({ path: '/chart/templates/x.yaml', text, helmChartTemplate: true }, mergeConfig()).findings;
}

describe('Helm: what cannot be known is skipped, precisely', () => {
  test('masked scalars never give type or enum findings; literal ones do', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  replicas: {{ .Values.replicas }}
  revisionHistoryLimit: "{{ .Values.history }}"
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      restartPolicy: {{ .Values.restart }}
      containers:
        - name: c
          imagePullPolicy: {{ .Values.pull | default "Sometimes" }}
          ports:
            - containerPort: "8080"
`;
    const f = lintHelm(text).filter((x) => x.rule.startsWith('schema-'));
    assert.deepEqual(f.map((x) => [x.rule, r(x)]), [['schema-type', [15, 29, 15, 35]]]);
  });

  test('schema-required is skipped for an object whose block holds a template line, not for others', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {app: d}}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
        - image: a
{{ include "name" . | indent 10 }}
        - image: b
      volumes:
        - configMap: {name: x}
`;
    const f = lintHelm(text).filter((x) => x.rule === 'schema-required');
    // containers[0] holds the include line (it may render `name:`); containers[1] and volumes[0] do not.
    assert.deepEqual(f.map((x) => [r(x), x.message.args]), [
      [[11, 10, 11, 15], { key: 'name', path: 'spec.template.spec.containers[1]' }],
      [[13, 10, 13, 19], { key: 'name', path: 'spec.template.spec.volumes[0]' }],
    ]);
  });

  test('a blanked value (the whole value is an include) and a masked key are unknowable', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector:
{{ include "selector" . | indent 4 }}
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
{{ include "containers" . | indent 8 }}
      {{ .Values.extraKey }}: 1
`;
    const f = lintHelm(text).filter((x) => x.rule.startsWith('schema-') || x.rule === 'yaml-syntax');
    assert.deepEqual(f, []);
  });

  test('the same document without Helm: the missing fields are reported', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata: {name: d}
spec:
  selector:
  template:
    metadata: {labels: {app: d}}
    spec:
      containers:
`;
    const f = analyzer().analyze({ path: '/ws/d.yaml', text }, mergeConfig()).findings.filter((x) => x.rule === 'schema-required');
    assert.deepEqual(f.map((x) => x.message.args), [{ key: 'selector', path: 'spec' }, { key: 'containers', path: 'spec.template.spec' }]);
  });

  test('a masked apiVersion or kind skips the document', () => {
    const text = 'apiVersion: {{ include "capabilities.deployment.apiVersion" . }}\nkind: Deployment\nmetadata: {name: d}\nspec: {bogus: 1}\n';
    assert.deepEqual(lintHelm(text).filter((x) => x.severity !== 'information' && x.severity !== 'hint'), []);
  });

  test('a file with {{ }} outside a chart is masked too', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-etc\ndata:\n  a: {{ .Values.a | quote }}\n';
    const res = analyzer().analyze({ path: '/ws/cm.yaml', text }, mergeConfig());
    assert.equal(res.yaml!.helm, true);
    assert.deepEqual(res.findings, []);
  });
});

describe('maskHelm', () => {
  const M = (n: number) => MASK.repeat(n);
  test('keeps every offset; action-only lines become blank; inline actions become MASK runs', () => {
    const src = '{{- if .Values.x }}\nkey: {{ .Values.v }}\n  {{ include "a" . | indent 2 }}\n{{- end }}\n';
    const out = maskHelm(src);
    assert.equal(out.length, src.length);
    assert.deepEqual(out.split('\n'), [' '.repeat(19), `key: ${M(15)}`, ' '.repeat(32), ' '.repeat(10), '']);
  });

  test('a sequence item whose value is an action stays an item; a trailing comment stays', () => {
    const out = maskHelm('args:\n  - {{ .Values.a }}\n  {{- end }} # end if\n');
    assert.deepEqual(out.split('\n'), ['args:', `  - ${M(15)}`, `  ${' '.repeat(10)} # end if`, '']);
    assert.equal(isMasked(M(3)), true);
    assert.equal(isMasked('plain'), false);
  });

  test('multi-line actions (comments) are blanked line by line, CRLF kept', () => {
    const out = maskHelm('{{/*\nLicence text\n*/}}\r\na: 1\r\n');
    assert.deepEqual(out.split('\n'), ['    ', '            ', '    \r', 'a: 1\r', '']);
  });

  test('text without actions is returned as is', () => {
    const s = 'a: "{ {not an action} }"\n';
    assert.equal(maskHelm(s), s);
  });
});

test('Helm: the other variants of a document are parsed only where they are checked (the Kubernetes objects of kubernetes files)', () => {
  const branches = ['{{- if .Values.a }}', '  a: one', '{{- else }}', '  b: two', '{{- end }}', ''];
  const variantsParsed = (text: string, path: string) => {
    const a = analyzer();
    const parsed: string[] = [];
    a.parses.onParse = (t) => parsed.push(t);
    const findings = a.analyze({ path, text, helmChartTemplate: true }, mergeConfig()).findings;
    // The default variant keeps the first branch; the other one blanks it and keeps `b: two`.
    return { parsed: parsed.filter((t) => !t.includes('a: one') && t.includes('b: two')).length, findings };
  };
  // A values-like template (not a Kubernetes manifest): its other variant is never parsed.
  assert.equal(variantsParsed(['conf:', ...branches].join('\n'), '/chart/templates/conf.yaml').parsed, 0);
  // A Kubernetes object: parsed (and checked) once.
  const cm = ['apiVersion: v1', 'kind: ConfigMap', 'metadata: {name: c}', 'data:', ...branches].join('\n');
  assert.equal(variantsParsed(cm, '/chart/templates/cm.yaml').parsed, 1);
});
