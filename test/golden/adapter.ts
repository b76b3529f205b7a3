// The one place the golden comparison touches the analysis API: lint a folder as a workspace (two
// passes, as the CLI does) and return every finding with its fixes in a plain, comparable form.
// When the core's API changes, this file changes; the snapshot (golden.json) must not, except for
// behaviour an issue changes on purpose (the diff of golden.json is the list of such changes).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/core/engine';
import { createRegistry } from '../../server/src/core/rules';
import { format } from '../../server/src/core/messages/catalog';
import { ConfigResolver } from '../../server/src/host/config-resolver';
import { isUnderChartTemplates, readText, walk } from '../../server/src/host/files';
import { FsLociDataProvider } from '../../server/src/host/loci-data';
import { setLociDataProvider } from '../../server/src/core/loci/provider';
import { setCrdSchemaSource } from '../../server/src/core/kubernetes/crd';
import { FileCrdSource } from '../../server/src/host/crd-source';
import type { Range } from '../../server/src/core/types';

export interface GoldenFix {
  title: string;
  kind: string;
  tier: string;
  edits: { range: string; newText: string }[];
}
export interface GoldenFinding {
  at: string;
  rule: string;
  severity: string;
  message: string;
  fixes: GoldenFix[];
}

export const rangeText = (r: Range): string => `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;

export function lintFolder(root: string): Record<string, GoldenFinding[]> {
  const registry = createRegistry();
  const analyzer = new Analyzer(registry, (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
  setLociDataProvider(new FsLociDataProvider());
  const resolver = new ConfigResolver(new Set(registry.ids()));
  setCrdSchemaSource(new FileCrdSource(resolver, () => [root]));
  const files: string[] = [];
  walk(root, (p: string) => files.push(p));
  files.sort();
  const texts = new Map(files.map((f) => [f, readText(f).text]));
  for (const [f, text] of texts) analyzer.analyze({ path: f, text, helmChartTemplate: isUnderChartTemplates(f) }, resolver.resolve(f).config);
  const out: Record<string, GoldenFinding[]> = {};
  for (const [f, text] of texts) {
    const findings = analyzer.analyze({ path: f, text, helmChartTemplate: isUnderChartTemplates(f) }, resolver.resolve(f).config).findings;
    out[path.relative(root, f).split(path.sep).join('/')] = findings.map((x) => ({
      at: rangeText(x.range),
      rule: x.rule,
      severity: x.severity,
      message: format(x.message),
      fixes: (x.fixes ?? []).map((fx) => ({
        title: format(fx.title),
        kind: fx.kind ?? 'fix',
        tier: fx.kind === 'ignore' ? 'ignore' : fx.fixAll ? 'safe' : 'review',
        edits: fx.edits.map((e) => ({ range: rangeText(e.range), newText: e.newText })),
      })),
    }));
  }
  return out;
}

export function exists(p: string): boolean {
  return fs.existsSync(p);
}
