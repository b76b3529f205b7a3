// The one place the golden comparison touches the analysis API: lint a folder as a workspace (two
// passes, through the DockyardService as the CLI and the server do) and return every finding with its fixes in a plain, comparable form.
// When the core's API changes, this file changes; the snapshot (golden.json) must not, except for
// behaviour an issue changes on purpose (the diff of golden.json is the list of such changes).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DockyardService } from '../../server/src/core/service';
import { createRegistry } from '../../server/src/core/rules';
import { format } from '../../server/src/core/messages/catalog';
import { createNodeHost } from '../../server/src/host/node-host';
import { walk } from '../../server/src/host/files';
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

export async function lintFolder(root: string): Promise<Record<string, GoldenFinding[]>> {
  const registry = createRegistry();
  const service = new DockyardService({
    host: createNodeHost({ knownRules: new Set(registry.ids()), roots: () => [root] }),
    registry,
    logRuleError: (rule, _p, e) => {
      throw new Error(`rule ${rule} threw: ${String(e)}`);
    },
  });
  const paths: string[] = [];
  walk(root, (p: string) => paths.push(p));
  paths.sort();
  const { files } = await service.lint(paths);
  const out: Record<string, GoldenFinding[]> = {};
  for (const { path: f, findings } of files) {
    out[path.relative(root, f).split(path.sep).join('/')] = findings.map((x) => ({
      at: rangeText(x.range),
      rule: x.rule,
      severity: x.severity,
      message: format(x.message),
      fixes: (x.fixes ?? []).map((fx) => ({
        title: format(fx.title),
        kind: fx.kind ?? 'fix',
        tier: fx.kind === 'ignore' ? 'ignore' : fx.tier ?? 'review',
        edits: fx.edits.map((e) => ({ range: rangeText(e.range), newText: e.newText })),
      })),
    }));
  }
  return out;
}

export function exists(p: string): boolean {
  return fs.existsSync(p);
}
