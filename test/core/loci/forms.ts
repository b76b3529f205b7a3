import type { Analyzer } from '../../../server/src/core/engine';
/**
 * Test helper: one loci build written each of the four ways (a loci Dockerfile fork's ARG defaults,
 * a compose service's build.args, a build-push-action step's build-args, a `docker build` script), so
 * every rule is checked in every place arguments are written. Ranges are asserted exactly by locating
 * a needle in the generated text.
 */
import { lint } from '../../helpers';
import type { PartialConfig } from '../../../server/src/core/config/config';
import type { Finding } from '../../../server/src/core/types';

export type Form = 'dockerfile' | 'compose' | 'workflow' | 'shell' | 'ansible';
export const FORMS: readonly Form[] = ['dockerfile', 'compose', 'workflow', 'shell', 'ansible'];
/** Places where a build is invoked (a Dockerfile only declares defaults). */
export const INVOCATIONS: readonly Form[] = ['compose', 'workflow', 'shell', 'ansible'];

export const GOOD_FROM = 'quay.io/airshipit/base:2025.2-ubuntu_noble_loci';
export const GOOD_WHEELS = 'quay.io/airshipit/requirements:2025.2-ubuntu_noble_loci';

export interface BuildSpec {
  /** Overrides on top of a correct cinder build (FROM, WHEELS, PROJECT, PROJECT_REF); `null` removes one. */
  args?: Record<string, string | null>;
  target?: string;
  /** `-f` / `dockerfile:` / `file:`. */
  file?: string;
  /** Do not start from the correct base arguments. */
  bare?: boolean;
}

/** A value that is a variable in each form's own syntax (`$NAME`, `${NAME}`, `${{ env.NAME }}`). */
export function variable(name: string): string {
  return `\u0001VAR:${name}`;
}

function expandVariables(form: Form, v: string): string {
  return v.replace(/\u0001VAR:([A-Za-z_][A-Za-z0-9_]*)/g, (_m, n: string) => (form === 'workflow' ? `\${{ env.${n} }}` : form === 'ansible' ? `{{ ${n} }}` : form === 'shell' ? `\${${n}}` : `\${${n}}`));
}

function argsOf(spec: BuildSpec): [string, string][] {
  const base: Record<string, string | null> = spec.bare ? {} : { FROM: GOOD_FROM, WHEELS: GOOD_WHEELS, PROJECT: 'cinder', PROJECT_REF: 'stable/2025.2' };
  const all = { ...base, ...(spec.args ?? {}) };
  return Object.entries(all).filter((e): e is [string, string] => e[1] !== null);
}

function shellQuote(v: string): string {
  if (v !== '' && /^[A-Za-z0-9_./:=@+,-]+$/.test(v)) return v;
  if (v.includes('${')) return '"' + v.replace(/(["\\`])/g, '\\$1') + '"';
  if (v.includes("'")) return '"' + v.replace(/(["\\$`])/g, '\\$1') + '"';
  return `'${v}'`;
}

function yamlScalar(v: string): string {
  if (/^[A-Za-z0-9_./:@+-][A-Za-z0-9_./:@+ ,-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|~|[-+]?[0-9.]+)$/i.test(v) && !/\s$/.test(v)) return v;
  return JSON.stringify(v);
}

export function render(form: Form, spec: BuildSpec = {}): { path: string; text: string } {
  const args = argsOf(spec).map(([k, v]) => [k, expandVariables(form, v)] as [string, string]);
  switch (form) {
    case 'shell': {
      const opts = [spec.file ? ` -f ${spec.file}` : '', spec.target ? ` --target ${spec.target}` : ''].join('');
      const lines = args.map(([k, v]) => `  --build-arg ${k}=${shellQuote(v)} \\`);
      return { path: '/ws/scripts/build.sh', text: ['#!/bin/bash', `docker buildx build .${opts} \\`, ...lines, '  -t registry.example.com/openstack/cinder:2025.2-ubuntu_noble_loci', ''].join('\n') };
    }
    case 'compose': {
      const lines = ['services:', '  cinder:', '    image: registry.example.com/openstack/cinder:2025.2-ubuntu_noble_loci', '    build:', '      context: ../loci'];
      if (spec.file) lines.push(`      dockerfile: ${spec.file}`);
      if (spec.target) lines.push(`      target: ${spec.target}`);
      lines.push('      args:', ...args.map(([k, v]) => `        ${k}: ${yamlScalar(v)}`));
      return { path: '/ws/compose.yaml', text: lines.join('\n') + '\n' };
    }
    case 'workflow': {
      const lines = ['name: images', 'on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - name: cinder', '        uses: docker/build-push-action@v6', '        with:', '          context: loci'];
      if (spec.file) lines.push(`          file: ${spec.file}`);
      if (spec.target) lines.push(`          target: ${spec.target}`);
      lines.push('          build-args: |', ...args.map(([k, v]) => `            ${k}=${v}`));
      return { path: '/ws/.github/workflows/images.yaml', text: lines.join('\n') + '\n' };
    }
    case 'ansible': {
      // An Ansible vars file as loci's CI writes it (the build-container-image role's image entries).
      const lines = ['cinder_image:', '  context: "loci"', '  repository: registry.example.com/openstack/cinder'];
      if (spec.file) lines.push(`  dockerfile: ${spec.file}`);
      if (spec.target) lines.push(`  target: ${spec.target}`);
      lines.push('  build_args:', ...args.map(([k, v]) => `    - ${JSON.stringify(`${k}=${v.includes('{{') ? v : shellQuote(v)}`)}`));
      return { path: '/ws/playbooks/vars.yaml', text: lines.join('\n') + '\n' };
    }
    case 'dockerfile': {
      const m = new Map(args);
      const q = (v: string) => (v.includes('"') ? `'${v}'` : `"${v}"`);
      const decl = (k: string) => (m.has(k) ? `ARG ${k}=${q(m.get(k)!)}` : `ARG ${k}`);
      const rest = args.filter(([k]) => k !== 'FROM' && k !== 'WHEELS' && k !== 'PROJECT').map(([k, v]) => `ARG ${k}=${q(v)}`);
      const text = [
        decl('WHEELS'),
        decl('FROM'),
        '',
        'FROM ${WHEELS} AS wheels',
        '',
        'FROM ${FROM} AS common',
        decl('PROJECT'),
        ...(m.has('PROFILES') ? [] : ['ARG PROFILES=""']),
        ...rest,
        'COPY scripts /opt/loci/scripts',
        'ADD bindep.txt pydep.txt $EXTRA_BINDEP $EXTRA_PYDEP /opt/loci/',
        '',
        'FROM common AS requirements',
        'RUN /opt/loci/scripts/requirements.sh',
        '',
        "# dockyard-ignore root-user: loci's image runs as root by design; the deployment sets runAsUser 42424",
        'FROM common AS project',
        'RUN --mount=type=bind,from=wheels,target=/wheels /opt/loci/scripts/project.sh',
        '',
      ].join('\n');
      return { path: spec.file === 'Dockerfile.base' ? '/ws/loci/Dockerfile.base' : '/ws/loci/Dockerfile', text };
    }
  }
}

/** `[sl, sc, el, ec]` of the `n`th occurrence of `needle` (single-line needles). */
export function at(text: string, needle: string, n = 0): [number, number, number, number] {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`needle ${JSON.stringify(needle)} #${n} not in:\n${text}`);
  }
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  const col = i - (before.lastIndexOf('\n') + 1);
  return [line, col, line, col + needle.length];
}

/** The range of `needle` inside the first occurrence of `context`. */
export function atIn(text: string, context: string, needle: string): [number, number, number, number] {
  const [l, c] = at(text, context);
  const off = context.indexOf(needle);
  if (off < 0) throw new Error(`${needle} not in ${context}`);
  return [l, c + off, l, c + off + needle.length];
}

function argContext(form: Form, name: string): string {
  return form === 'compose' ? `${name}: ` : form === 'ansible' ? `"${name}=` : form === 'dockerfile' ? `ARG ${name}=` : form === 'shell' ? `--build-arg ${name}=` : `${name}=`;
}

function posOf(text: string, i: number, len: number): [number, number, number, number] {
  const before = text.slice(0, i);
  const line = before.split('\n').length - 1;
  const col = i - (before.lastIndexOf('\n') + 1);
  return [line, col, line, col + len];
}

/** The range of `needle` (default: the whole value) inside the value of argument `name` as rendered in `form`. */
export function argValueAt(text: string, form: Form, name: string, needle: string): [number, number, number, number] {
  const ctx = argContext(form, name);
  const i = text.indexOf(ctx);
  if (i < 0) throw new Error(`${ctx} not in:\n${text}`);
  const j = text.indexOf(needle, i + ctx.length);
  if (j < 0 || text.slice(i, j).includes('\n')) throw new Error(`${needle} not in the value of ${name}`);
  return posOf(text, j, needle.length);
}

/** The range of the argument's name. */
export function argNameAt(text: string, form: Form, name: string): [number, number, number, number] {
  const ctx = argContext(form, name);
  const i = text.indexOf(ctx);
  if (i < 0) throw new Error(`${ctx} not in:\n${text}`);
  return posOf(text, i + ctx.indexOf(name), name.length);
}

export function lintForm(form: Form, spec: BuildSpec = {}, config: PartialConfig = {}, analyzer?: Analyzer): { text: string; path: string; findings: Finding[] } {
  const { path, text } = render(form, spec);
  return { text, path, findings: lint(text, path, config, analyzer) };
}

/** The findings of one rule, as `[range, message id]`. */
export function ruleFindings(findings: Finding[], rule: string): { range: [number, number, number, number]; id: string; severity: string; args?: Record<string, string | number> }[] {
  return findings
    .filter((f) => f.rule === rule)
    .map((f) => ({ range: [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character] as [number, number, number, number], id: f.message.id, severity: f.severity, args: f.message.args }));
}
