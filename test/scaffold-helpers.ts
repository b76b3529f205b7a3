import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Analyzer } from '../server/src/core/engine';
import { mergeConfig, type PartialConfig } from '../server/src/core/config/config';
import { createRegistry } from '../server/src/core/rules';
import type { RuleRegistry } from '../server/src/core/rules/registry';
import type { Finding, Severity } from '../server/src/core/types';
import type { ScaffoldFile } from '../server/src/core/scaffold/types';

/** The repository root (scripts/test.mjs sets DOCKYARD_ROOT; out/test/<dir>/x.js otherwise). */
export function repoRoot(): string {
  return process.env.DOCKYARD_ROOT ?? resolve(__dirname, '../../..');
}

export const GOLDEN_ROOT = (): string => join(repoRoot(), 'test/fixtures/scaffold');

/**
 * Compare generated files with `test/fixtures/scaffold/<name>/` byte for byte. With
 * `UPDATE_GOLDEN=1` the folder is rewritten instead (stale files removed) and the comparison
 * trivially passes: review the diff with git.
 */
export function goldenMismatches(name: string, files: ScaffoldFile[]): string[] {
  const dir = join(GOLDEN_ROOT(), name);
  if (process.env.UPDATE_GOLDEN === '1') {
    rmSync(dir, { recursive: true, force: true });
    for (const f of files) {
      const p = join(dir, f.path);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, f.content);
    }
    return [];
  }
  const problems: string[] = [];
  if (!existsSync(dir)) return [`missing golden folder ${dir} (run with UPDATE_GOLDEN=1)`];
  const expected = readdirSync(dir).sort();
  const actual = files.map((f) => f.path).sort();
  if (JSON.stringify(expected) !== JSON.stringify(actual)) problems.push(`${name}: files ${JSON.stringify(actual)} != golden ${JSON.stringify(expected)}`);
  for (const f of files) {
    const p = join(dir, f.path);
    if (!existsSync(p)) continue;
    const want = readFileSync(p, 'utf8');
    if (want !== f.content) {
      const a = f.content.split('\n');
      const b = want.split('\n');
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      problems.push(`${name}/${f.path}: differs from line ${i + 1}:\n  got:  ${JSON.stringify(a[i])}\n  want: ${JSON.stringify(b[i])}`);
    }
  }
  return problems;
}

/**
 * Every rule id of shared/spec/RULES.md (plus REFERENCE R-rules' ids). The scaffold output is
 * linted with `createRegistry()`; ids the branch does not implement yet are registered as inert
 * metadata so that a `# dockyard-ignore` naming them is not an unknown-rule finding. Once every rule
 * exists this adds nothing.
 */
export const CATALOG_IDS: [string, Severity][] = [
  ['yaml-syntax', 'error'], ['duplicate-key', 'error'], ['unknown-kind', 'warning'], ['schema-required', 'error'], ['schema-type', 'error'],
  ['schema-enum', 'error'], ['schema-unknown-field', 'error'], ['deprecated-api', 'warning'], ['removed-api', 'error'], ['selector-mismatch', 'error'],
  ['missing-reference', 'information'], ['duplicate-resource', 'warning'], ['privileged-container', 'error'], ['privilege-escalation', 'warning'],
  ['host-namespace', 'error'], ['host-path-volume', 'warning'], ['sensitive-host-path', 'error'], ['runtime-socket-mount', 'error'],
  ['writable-host-mount', 'warning'], ['host-port', 'warning'], ['dangerous-capability', 'error'], ['capabilities-not-dropped', 'warning'],
  ['run-as-root', 'warning'], ['writable-root-filesystem', 'information'], ['seccomp-unconfined', 'warning'], ['apparmor-unconfined', 'warning'],
  ['selinux-options', 'warning'], ['proc-mount-unmasked', 'error'], ['unsafe-sysctl', 'error'], ['host-process', 'error'], ['host-probe', 'warning'],
  ['restricted-volume-type', 'information'], ['service-account-token', 'information'], ['env-var-secret', 'warning'], ['image-latest-tag', 'warning'],
  ['missing-resource-limits', 'information'], ['mount-propagation', 'warning'], ['rbac-wildcard', 'warning'], ['rbac-pod-exec', 'warning'],
  ['rbac-secrets-access', 'warning'], ['rbac-cluster-admin-binding', 'error'], ['secret-in-manifest', 'warning'], ['sensitive-configmap', 'error'],
  ['exposed-control-plane-port', 'warning'], ['dockerfile-syntax', 'error'], ['layer-count', 'warning'], ['consecutive-run', 'information'],
  ['root-user', 'warning'], ['add-remote-url', 'warning'], ['pipe-to-shell', 'warning'], ['secret-in-build-arg', 'error'], ['unpinned-base-image', 'warning'],
  ['sudo-in-run', 'warning'], ['sensitive-file-copy', 'error'], ['exposed-sensitive-port', 'warning'], ['apt-lists-not-cleaned', 'information'],
  ['loci-unknown-profile', 'warning'], ['loci-profile-no-effect', 'information'], ['loci-missing-project', 'error'], ['loci-target-mismatch', 'error'],
  ['loci-ref-format', 'warning'], ['loci-wheels', 'warning'], ['loci-keep-all-wheels', 'warning'], ['loci-base-image', 'warning'],
  ['loci-deprecated-arg', 'warning'], ['loci-extra-deps-file', 'warning'], ['loci-arg-value', 'warning'], ['bindep-syntax', 'error'],
];

export function fullRegistry(): { registry: RuleRegistry; stubbed: string[] } {
  const registry = createRegistry();
  const stubbed: string[] = [];
  for (const [id, sev] of CATALOG_IDS) {
    if (registry.meta(id)) continue;
    stubbed.push(id);
    registry.add({ id, category: 'meta', target: 'yaml-document', defaultSeverity: sev, check: () => undefined });
  }
  return { registry, stubbed };
}

export interface LintedFile {
  path: string;
  text: string;
  findings: Finding[];
}

/**
 * Lint a set of generated files as `dockyard lint <folder>` does at default settings: one analyzer,
 * every file indexed first, so cross-resource rules (missing-reference, selector-mismatch) see the
 * whole folder.
 */
export function lintFolder(folder: string, files: ScaffoldFile[], config: PartialConfig = {}): LintedFile[] {
  const { registry } = fullRegistry();
  const analyzer = new Analyzer(registry, (rule, path, e) => {
    throw new Error(`rule ${rule} threw on ${path}: ${String(e)}`);
  });
  const cfg = mergeConfig(config);
  const inputs = files.map((f) => ({ path: `${folder}/${f.path}`, text: f.content }));
  for (const i of inputs) analyzer.analyze(i, cfg);
  return inputs.map((i) => ({ ...i, findings: analyzer.analyze(i, cfg).findings }));
}

/** The source text a finding's range covers (single- or multi-line). */
export function rangeText(text: string, f: Finding): string {
  const lines = text.split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line]?.slice(start.character, end.character) ?? '';
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line]?.slice(0, end.character) ?? ''].join('\n');
}
