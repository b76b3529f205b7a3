import type { DockyardConfig } from '../config/config';
import type { DockerfileModel } from '../model/dockerfile';
import type { YamlDocModel, YamlChunk } from '../model/yaml';
import type { Fix, FixTier, Message, Range, RelatedInformation, Severity } from '../types';
import type { WorkspaceIndex } from '../workspace';
import type { EquivalentLookup } from '../suppress';
import type { Providers } from '../providers';
import type { WorkspaceCrdLookup } from '../kubernetes/check';

/**
 * Rules. One rule = one module exporting a `Rule` made by `defineRule` (define.ts): its id (from
 * shared/spec/RULES.md), category, default severity, PSS level, fix tiers, equivalents, docs,
 * messages and `check`. Rules read the cached model; they never parse.
 */
export type RuleCategory = 'yaml' | 'kubernetes' | 'security' | 'dockerfile' | 'loci' | 'meta';

export interface RuleMeta {
  id: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  /** The Pod Security Standards level the check belongs to; `restricted` rules are skipped at `baseline`. */
  pss?: 'baseline' | 'restricted' | 'both';
  /**
   * The tiers of the fixes the rule offers (absent: no fix). `safe` fixes join the editor's fix-all
   * and plain `dockyard fix`; `review` fixes are quick fixes and `dockyard fix --unsafe`.
   */
  fixTiers?: readonly FixTier[];
  /** Links for the rule docs (upstream code or documentation the rule rests on). */
  references?: { title: string; url: string }[];
  /** Generic finding another extension also reports (dropped when it is active, see coexistence). */
  generic?: 'yaml' | 'dockerfile';
  /**
   * The same check in other tools, as `tool:ID` (`hadolint:DL3008`, `buildkit:JSONArgsRecommended`,
   * `shellcheck:SC2046`, `kube-linter:privileged-container` (a built-in check name),
   * `polaris:runAsPrivileged` (a check id), `pss:baseline/privileged` (the Pod Security Standards
   * level and pod-security-admission's check id, without its `_baseline`/`_restricted` suffix)):
   * shown in the rule docs, so users of those tools find the Dockyard id, and read to honour those
   * tools' suppressions.
   */
  equivalents?: string[];
}

export interface Report {
  range: Range;
  message: Message;
  /** For modules that report more than one id (rare): defaults to the rule's own id. */
  rule?: string;
  /** Overrides the default severity for this finding (e.g. error when `true`, warning when absent). */
  severity?: Severity;
  /** The fixes, or a function that builds them on first use (for fixes that are costly to build). */
  fixes?: Fix[] | (() => Fix[]);
  related?: RelatedInformation[];
}

interface BaseContext {
  config: DockyardConfig;
  /** Absolute path (or URI path) of the file; '' for untitled. */
  path: string;
  report(r: Report): void;
  /** The service's providers (schema store, loci data, CRD schemas) and the caches derived from them. */
  providers: Providers;
}

export interface YamlDocContext extends BaseContext {
  doc: YamlDocModel;
  /**
   * The schema a CustomResourceDefinition in the workspace gives an apiVersion/kind (the engine
   * keys the document's findings by that CRD's fact revision, so a changed CRD re-checks it).
   */
  workspaceCrd?: WorkspaceCrdLookup;
  chunk: YamlChunk;
  /** The file's kind decided by detect.ts: Kubernetes rules only run on `kubernetes` files. */
  helm: boolean;
}

export interface YamlFileContext extends BaseContext {
  docs: { chunk: YamlChunk; doc: YamlDocModel }[];
  text: string;
  workspace: WorkspaceIndex;
}

export interface DockerfileContext extends BaseContext {
  model: DockerfileModel;
  workspace: WorkspaceIndex;
}

export interface TextContext extends BaseContext {
  text: string;
  workspace: WorkspaceIndex;
}

export interface YamlDocumentRule extends RuleMeta {
  target: 'yaml-document';
  /** Only documents with apiVersion + kind (default true). */
  kubernetesOnly?: boolean;
  check(ctx: YamlDocContext): void;
}

/** Runs once per file on every document (cross-resource rules); reads the workspace index. */
export interface YamlFileRule extends RuleMeta {
  target: 'yaml-file';
  check(ctx: YamlFileContext): void;
}

export interface DockerfileRule extends RuleMeta {
  target: 'dockerfile';
  check(ctx: DockerfileContext): void;
}

/** Shell scripts and bindep/pydep files. */
export interface TextRule extends RuleMeta {
  target: 'shell' | 'bindep';
  check(ctx: TextContext): void;
}

export type Rule = YamlDocumentRule | YamlFileRule | DockerfileRule | TextRule;

export class RuleRegistry {
  private readonly byId = new Map<string, RuleMeta>();
  readonly rules: Rule[] = [];

  constructor(rules: Rule[] = [], extraIds: RuleMeta[] = []) {
    for (const r of rules) this.add(r);
    for (const m of extraIds) this.byId.set(m.id, m);
  }

  /**
   * One id may be registered once per target: a rule that judges the same thing in several kinds of
   * file (loci build arguments in Dockerfiles, YAML and shell scripts) is one id with one entry per target.
   */
  add(rule: Rule): void {
    if (this.rules.some((r) => r.id === rule.id && r.target === rule.target)) throw new Error(`duplicate rule id ${rule.id}`);
    this.byId.set(rule.id, rule);
    this.rules.push(rule);
    this.equivalentIndex = undefined;
  }

  /** Metadata of every id findings can carry (rules and ids reported by engine-level checks). */
  meta(id: string): RuleMeta | undefined {
    return this.byId.get(id);
  }

  private equivalentIndex?: { byCode: Map<string, string[]>; byTool: Map<string, string[]>; lookup: EquivalentLookup };

  /**
   * Other tools' checks → the Dockyard rules listing them in `equivalents` (read generically from the
   * registry: a rule that gains an equivalent is found by migrated suppressions without other changes).
   */
  equivalents(): EquivalentLookup {
    if (!this.equivalentIndex) {
      const byCode = new Map<string, string[]>();
      const byTool = new Map<string, string[]>();
      const add = (m: Map<string, string[]>, k: string, id: string) => {
        const arr = m.get(k) ?? [];
        if (!arr.includes(id)) arr.push(id);
        m.set(k, arr);
      };
      for (const meta of this.byId.values()) {
        for (const eq of meta.equivalents ?? []) {
          const i = eq.indexOf(':');
          if (i <= 0) continue;
          add(byCode, eq, meta.id);
          add(byTool, eq.slice(0, i), meta.id);
        }
      }
      const lookup: EquivalentLookup = { rules: (tool, code) => byCode.get(`${tool}:${code}`) ?? [], allOf: (tool) => byTool.get(tool) ?? [] };
      this.equivalentIndex = { byCode, byTool, lookup };
    }
    return this.equivalentIndex.lookup;
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }

  all(): RuleMeta[] {
    return this.ids().map((id) => this.byId.get(id)!);
  }

  of<T extends Rule['target']>(target: T): Extract<Rule, { target: T }>[] {
    return this.rules.filter((r) => r.target === target) as Extract<Rule, { target: T }>[];
  }
}

/** Whether a rule runs under this configuration at all. */
export function ruleEnabled(rule: RuleMeta, config: DockyardConfig): boolean {
  if (config.rules[rule.id] === 'off') return false;
  if (rule.pss === 'restricted' && config.pss === 'baseline') return false;
  return true;
}

export function docsUrl(ruleId: string, lang: 'en' | 'zh-cn' = 'en'): string {
  return `https://github.com/dockyard-dev/dockyard/blob/main/docs/${lang === 'zh-cn' ? 'rules.zh-cn.md' : 'rules.md'}#${ruleId}`;
}
