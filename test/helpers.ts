import { Analyzer, type HostContext } from '../server/src/core/engine';
import { mergeConfig, type PartialConfig } from '../server/src/core/config/config';
import { createRegistry } from '../server/src/core/rules';
import { createProviders } from '../server/src/core/providers';
import { applyEdits } from '../server/src/core/text';
import type { Finding } from '../server/src/core/types';
import type { ServiceHost } from '../server/src/core/service';

/** Lint inline text as the editor would (fresh analyzer unless one is passed). */
export function lint(text: string, path = '/ws/test.yaml', config: PartialConfig = {}, analyzer?: Analyzer, host?: HostContext): Finding[] {
  const a = analyzer ?? new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
  return a.analyze({ path, text }, mergeConfig(config), host).findings;
}

/** A fresh analyzer whose providers (loci data, CRD schema files, schema store) are `init` (rules that throw fail the test). */
export function analyzerWith(init: Parameters<typeof createProviders>[0]): Analyzer {
  return new Analyzer(
    createRegistry(),
    (rule, _p, e) => {
      throw new Error(`rule ${rule} threw: ${String(e)}`);
    },
    createProviders(init),
  );
}

/** Lint several files as one workspace (two passes, as the CLI does) and return the findings of `file`. */
export function lintWorkspace(files: Record<string, string>, file: string, config: PartialConfig = {}): Finding[] {
  const a = new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
  const cfg = mergeConfig(config);
  for (const [p, t] of Object.entries(files)) a.analyze({ path: p, text: t }, cfg);
  return a.analyze({ path: file, text: files[file] }, cfg).findings;
}

export function only(findings: Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** `[startLine, startChar, endLine, endChar]` of a finding, for compact exact assertions. */
export function r(f: Finding): [number, number, number, number] {
  return [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character];
}

export function applyFix(text: string, f: Finding, index = 0): string {
  const fix = f.fixes?.[index];
  if (!fix) throw new Error(`finding ${f.rule} has no fix ${index}`);
  return applyEdits(text, fix.edits);
}

export function y(strings: TemplateStringsArray, ...vals: unknown[]): string {
  let s = strings.reduce((acc, str, i) => acc + str + (i < vals.length ? String(vals[i]) : ''), '');
  s = s.replace(/^\n/, '');
  return s;
}

/** A service host over in-memory files (paths as keys); CRD schema files by name; which paths are chart templates. */
export function memoryHost(files: Record<string, string> = {}, crd: Record<string, string> = {}, chartTemplate: (p: string) => boolean = () => false): ServiceHost {
  return {
    readFile: (p) => {
      if (!(p in files)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return { text: files[p] };
    },
    stat: (p) => (p in files ? { type: 'file' } : Object.keys(files).some((f) => f.startsWith(p + '/')) ? { type: 'directory' } : { error: 'ENOENT' }),
    realPath: (p) => p,
    listFolder: (dir, on) => Object.keys(files).filter((f) => f.startsWith(dir + '/')).sort().forEach(on),
    isUnderChartTemplates: chartTemplate,
    findConfig: (_p, overrides: PartialConfig) => ({ config: mergeConfig(overrides), problems: [] }),
    crdSchemas: { read: (file) => crd[file] },
  };
}
