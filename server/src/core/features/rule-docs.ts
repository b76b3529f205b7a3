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
  if (meta.fix) parts.push(t('core.ruleDocs.fixable', undefined, lang));
  if (withLink) parts.push(`[${t('core.ruleDocs.link', { rule: meta.id }, lang)}](${docsUrl(meta.id)})`);
  return parts.join('\n\n');
}
