import { t, template, type Lang } from '../messages/catalog';
import { docsUrl, type RuleMeta } from '../rules/registry';

/** Markdown docs of a rule (hover on a finding, "Show rule documentation", docs/rules.md). */
export function ruleDocsMarkdown(meta: RuleMeta, lang: Lang = 'en', withLink = true): string {
  const parts: string[] = [];
  const summary = template(`rule.${meta.id}.summary`, lang);
  parts.push(`**${meta.id}** — ${summary ?? meta.id}`);
  const risk = template(`rule.${meta.id}.risk`, lang);
  if (risk) parts.push(t('core.ruleDocs.risk', { text: risk }, lang));
  if (meta.pss && meta.pss !== 'both') parts.push(t('core.ruleDocs.pss', { level: meta.pss }, lang));
  if (meta.pss === 'both') parts.push(t('core.ruleDocs.pss', { level: 'baseline / restricted' }, lang));
  const fix = template(`rule.${meta.id}.fix`, lang);
  if (fix) parts.push(t('core.ruleDocs.howToFix', { text: fix }, lang));
  if (meta.fixTiers?.length) parts.push(t('core.ruleDocs.fixable', undefined, lang));
  if (meta.equivalents?.length) parts.push(t('core.ruleDocs.equivalents', { ids: equivalentsText(meta.equivalents) }, lang));
  if (withLink) parts.push(`[${t('core.ruleDocs.link', { rule: meta.id }, lang)}](${docsUrl(meta.id, lang)})`);
  return parts.join('\n\n');
}

/** `hadolint:DL3008` → `hadolint DL3008`, as code, in the order given. */
function equivalentsText(ids: string[]): string {
  return ids.map((id) => '`' + id.replace(':', ' ') + '`').join(', ');
}

const CATEGORY_ORDER = ['yaml', 'kubernetes', 'security', 'dockerfile', 'loci', 'meta'] as const;

/** hadolint's DL rules (src/Hadolint/Rule/DL*.hs at hadolint/hadolint 8f936c5e, DL1001 included). */
export const HADOLINT_DL_TOTAL = 71;
/** BuildKit's build checks (docs.docker.com/reference/build-checks). */
export const BUILDKIT_CHECKS_TOTAL = 22;

/** How many distinct checks of `tool` the rules list among their equivalents (`hadolint` counts its DL rules only). */
export function equivalentCoverage(rules: readonly RuleMeta[], tool: string): number {
  const ids = new Set<string>();
  for (const r of rules) for (const e of r.equivalents ?? []) if (e.startsWith(tool + ':') && (tool !== 'hadolint' || e.startsWith('hadolint:DL'))) ids.add(e);
  return ids.size;
}

/** docs/rules.md: one section per rule, generated from the registry and the catalog. */
export function rulesMarkdown(rules: RuleMeta[], lang: Lang = 'en'): string {
  const out: string[] = [t('docs.rules.title', undefined, lang), '', t('docs.rules.intro', undefined, lang), '', t('docs.rules.tierIntro', undefined, lang), ''];
  for (const cat of CATEGORY_ORDER) {
    const list = rules.filter((r) => r.category === cat).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (!list.length) continue;
    out.push(`## ${t(`docs.category.${cat}`, undefined, lang)}`, '');
    for (const r of list) {
      out.push(`### ${r.id}`, '');
      out.push(template(`rule.${r.id}.summary`, lang) ?? '', '');
      const facts = [t('core.ruleDocs.severity', { severity: r.defaultSeverity }, lang)];
      if (r.pss) facts.push(t('core.ruleDocs.pss', { level: r.pss === 'both' ? 'baseline / restricted' : r.pss }, lang));
      if (r.fixTiers?.length) facts.push(t('docs.rules.fixTiers', { tiers: r.fixTiers.map((x) => t(`docs.rules.tier.${x}`, undefined, lang)).join(', ') }, lang));
      if (r.equivalents?.length) facts.push(t('core.ruleDocs.equivalents', { ids: equivalentsText(r.equivalents) }, lang));
      out.push(facts.map((f) => `- ${f}`).join('\n'), '');
      const risk = template(`rule.${r.id}.risk`, lang);
      if (risk) out.push(t('core.ruleDocs.risk', { text: risk }, lang), '');
      const fix = template(`rule.${r.id}.fix`, lang);
      if (fix) out.push(t('core.ruleDocs.howToFix', { text: fix }, lang), '');
      const differences = (r.equivalents ?? []).flatMap((e) => {
        const text = template(`rule.${r.id}.differs.${e}`, lang);
        return text ? [`- ${equivalentsText([e])}: ${text}`] : [];
      });
      if (differences.length) out.push(t('docs.rules.differences', undefined, lang), '', ...differences, '');
      if (r.references?.length) {
        out.push(t('docs.rules.references', undefined, lang), '');
        for (const ref of r.references) out.push(`- [${ref.title}](${ref.url})`);
        out.push('');
      }
      out.push(t('docs.rules.suppress', { rule: r.id }, lang), '');
    }
  }
  out.push(
    t(
      'docs.rules.migration',
      { hadolint: equivalentCoverage(rules, 'hadolint'), hadolintTotal: HADOLINT_DL_TOTAL, buildkit: equivalentCoverage(rules, 'buildkit'), buildkitTotal: BUILDKIT_CHECKS_TOTAL },
      lang,
    ),
    '',
  );
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
