import { format, template, type Lang } from '../core/messages/catalog';
import { docsUrl, type RuleRegistry } from '../core/rules/registry';
import type { Finding, Severity } from '../core/types';

/** SARIF 2.1.0: one `rule` per id (help text and URI), 1-based regions. */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function toSarif(results: { display: string; findings: Finding[] }[], registry: RuleRegistry, lang: Lang, version: string) {
  const ids = [...new Set(results.flatMap((r) => r.findings.map((f) => f.rule)))].sort();
  const index = new Map(ids.map((id, i) => [id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dockyard',
            version,
            informationUri: 'https://github.com/dockyard-dev/dockyard',
            rules: ids.map((id) => {
              const meta = registry.meta(id);
              const summary = template(`rule.${id}.summary`, lang) ?? id;
              const fix = template(`rule.${id}.fix`, lang);
              return {
                id,
                name: id,
                shortDescription: { text: summary },
                fullDescription: { text: summary },
                help: { text: fix ? `${summary}\n${fix}` : summary, markdown: fix ? `${summary}\n\n${fix}` : summary },
                helpUri: docsUrl(id, lang),
                defaultConfiguration: { level: LEVEL[meta?.defaultSeverity ?? 'warning'] },
                properties: { category: meta?.category ?? 'meta', ...(meta?.pss ? { pss: meta.pss } : {}) },
              };
            }),
          },
        },
        results: results.flatMap((r) =>
          r.findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: index.get(f.rule),
            level: LEVEL[f.severity],
            message: { text: format(f.message, lang) },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: r.display },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: f.range.end.character + 1,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
