import type { Report, RuleMeta } from '../registry';
import { defineRule, type DefinedRule, type MessageOf, type RuleDocs } from '../define';
import type { DockyardConfig } from '../../config/config';
import type { Providers } from '../../providers';
import { buildFacts, type BuildFacts } from '../../loci/facts';
import { dockerfileBuilds, shellBuilds, yamlBuilds, type LociBuild } from '../../loci/sources';
import { parseSuppressions, SuppressionSet } from '../../suppress';
import type { LineIndex } from '../../text';
import { msg } from '../../messages/catalog';
import { basenameOf } from '../../loci/paths';

/**
 * A loci rule judges loci builds wherever their arguments are written. It is defined once (one module)
 * and registered once per file target: Dockerfiles (ARG defaults), YAML documents (compose services,
 * workflow steps) and shell scripts. Extraction and derived facts are cached on the parsed models, so
 * the rules share one computation.
 */
export interface LociRuleDef<K extends string> extends RuleMeta {
  docs: RuleDocs;
  /** English text per message key (ids `rule.<id>.<key>`), as for defineRule. */
  messages: Record<K, string>;
  /** `all` is every loci build of the file (for checks that compare builds); `m` builds the rule's own messages. */
  check(facts: BuildFacts, report: (r: Report) => void, all: readonly BuildFacts[], m: MessageOf<K>): void;
}

/**
 * A `docker build` command continued over several lines cannot hold a comment between its lines, so a
 * `# dockyard-ignore rule: reason` right above the command covers every finding inside it. `sets`
 * holds the suppressions of each script text for one run (the builds of a script share its lines).
 */
function commandSuppressed(b: LociBuild, rule: string, sets: Map<LineIndex, SuppressionSet | null>): boolean {
  if (b.source !== 'shell') return false;
  let set = sets.get(b.lines);
  if (set === undefined) {
    set = b.lines.text.includes('dockyard-ignore') ? new SuppressionSet(parseSuppressions(b.lines), b.lines) : null;
    sets.set(b.lines, set);
  }
  return set !== null && set.suppresses(rule, b.lines.positionAt(b.extent.start).line);
}

/**
 * A finding whose range covers an Ansible `{{ var }}` that was resolved says where the value came
 * from: a note in its message (the vars file, and the other release files that set it otherwise)
 * and related information at the variable's definition, in its own file.
 */
function withResolutions(b: LociBuild, report: (r: Report) => void): (r: Report) => void {
  const res = b.resolved;
  if (!res?.length) return report;
  return (r) => {
    const s = b.lines.offsetAt(r.range.start);
    const e = b.lines.offsetAt(r.range.end);
    const hits = res.filter((x) => x.start < Math.max(e, s + 1) && s < x.end);
    if (!hits.length) return report(r);
    const seen = new Set<string>();
    const related = hits
      .filter((x) => !seen.has(x.name) && seen.add(x.name))
      .map((x) => ({
        range: x.range,
        ...(x.file ? { path: x.file } : {}),
        message: msg('loci.resolvedFrom', { name: x.name, value: x.value, file: x.file ? basenameOf(x.file) : '—' }),
      }));
    const notes = hits
      .filter((x, i) => hits.findIndex((y) => y.name === x.name) === i)
      .slice(0, 4)
      .map((x) => {
        const file = x.file ? basenameOf(x.file) : '—';
        if (!x.others?.length) return msg('loci.note.resolved', { name: x.name, value: x.value, file });
        const others = x.others.slice(0, 4).map((o) => `${o.file ? basenameOf(o.file) : '—'} ("${o.value}")`).join(', ');
        return msg('loci.note.resolvedOthers', { name: x.name, value: x.value, file, others });
      });
    report({ ...r, message: { ...r.message, notes: [...(r.message.notes ?? []), ...notes] }, related: [...(r.related ?? []), ...related] });
  };
}

function run<K extends string>(def: LociRuleDef<K>, m: MessageOf<K>, builds: LociBuild[], ctx: { path: string; config: DockyardConfig; report: (r: Report) => void; providers: Providers }): void {
  if (!builds.length) return;
  const { path, config, report } = ctx;
  const all = builds.map((b) => buildFacts(b, path, config.loci, ctx.providers));
  const sets = new Map<LineIndex, SuppressionSet | null>();
  for (const f of all) {
    if (commandSuppressed(f.build, def.id, sets)) continue;
    def.check(f, withResolutions(f.build, report), all, m);
  }
}

/** One definition (defineRule's shape: docs, typed messages, check), registered for each file target. */
export function lociRule<K extends string>(def: LociRuleDef<K>): DefinedRule[] {
  const { check: _check, ...meta } = def;
  void _check;
  return [
    defineRule({ ...meta, target: 'dockerfile', check: (ctx, m) => run(def, m, dockerfileBuilds(ctx.model, ctx.path), ctx) }),
    defineRule({ ...meta, target: 'yaml-document', kubernetesOnly: false, check: (ctx, m) => run(def, m, yamlBuilds(ctx.doc, ctx.path, ctx.providers), ctx) }),
    defineRule({ ...meta, target: 'shell', check: (ctx, m) => run(def, m, shellBuilds(ctx.text, ctx.providers), ctx) }),
  ];
}

export const LOCI_REFERENCE = { title: 'OpenStack LOCI (Dockerfile, scripts, bindep.txt, pydep.txt)', url: 'https://opendev.org/openstack/loci' };
export const BINDEP_REFERENCE = { title: 'bindep: profiles and selectors', url: 'https://docs.opendev.org/opendev/bindep/latest/readme.html' };
