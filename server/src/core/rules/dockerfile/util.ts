import type { Flag, Instruction, Onbuild } from 'dockerfile-ast';
import { argumentsOf, type DockerfileModel } from '../../model/dockerfile';
import { shippedStageIndexes, stageIndexAtLine } from '../../model/dockerfile-stages';
import type { Range } from '../../types';

/** RUN instructions of the file in order, ONBUILD triggers included (they run in child builds). */
export function runInstructions(model: DockerfileModel): { ins: Instruction; onbuild: boolean }[] {
  return model.memoize('rules:runs', () => {
    const out: { ins: Instruction; onbuild: boolean }[] = [];
    for (const ins of model.instructions) {
      const k = ins.getKeyword();
      if (k === 'RUN') out.push({ ins, onbuild: false });
      else if (k === 'ONBUILD') {
        const t = (ins as Onbuild).getTriggerInstruction?.();
        if (t && t.getKeyword() === 'RUN') out.push({ ins: t, onbuild: true });
      }
    }
    return out;
  });
}

/** Instructions with a given keyword, ONBUILD triggers included. */
export function instructionsWithKeyword(model: DockerfileModel, keywords: ReadonlySet<string>): { ins: Instruction; onbuild: boolean }[] {
  const out: { ins: Instruction; onbuild: boolean }[] = [];
  for (const ins of model.instructions) {
    const k = ins.getKeyword();
    if (keywords.has(k)) out.push({ ins, onbuild: false });
    else if (k === 'ONBUILD') {
      const t = (ins as Onbuild).getTriggerInstruction?.();
      if (t && keywords.has(t.getKeyword())) out.push({ ins: t, onbuild: true });
    }
  }
  return out;
}

export function flagsOf(ins: Instruction): Flag[] {
  return ((ins as unknown as { getFlags?: () => Flag[] }).getFlags?.() ?? []) as Flag[];
}

export function hasFlag(ins: Instruction, name: string): boolean {
  return flagsOf(ins).some((f) => f.getName() === name);
}

/** Source arguments of COPY/ADD (every argument but the destination), with their ranges. */
export function copySources(model: DockerfileModel, ins: Instruction): { value: string; range: Range }[] {
  const args = argumentsOf(ins);
  if (args.length < 2) return [];
  const j = ins as unknown as { getJSONStrings?: () => { getJSONValue(): string; getRange(): Range }[]; getClosingBracket?: () => unknown };
  const json = j.getJSONStrings?.() ?? [];
  if (json.length >= 2 && j.getClosingBracket?.()) return json.slice(0, -1).map((s) => ({ value: s.getJSONValue(), range: model.range(s.getRange()) }));
  return args.slice(0, -1).map((a) => ({ value: unquote(a.getValue()), range: model.range(a.getRange()) }));
}

/** The file's continuation style: indentation of continuation lines and where `&&` goes. */
export function continuationStyle(model: DockerfileModel): { indent: string; leading: boolean } {
  return model.memoize('style:continuation', () => {
    const esc = model.escapeChar;
    let indent: string | undefined;
    let leading = 0;
    let trailing = 0;
    const n = model.lines.lineCount;
    for (let l = 0; l + 1 < n; l++) {
      const t = model.lines.lineText(l).replace(/[ \t]+$/, '');
      if (!t.endsWith(esc) || t.trimStart().startsWith('#')) continue;
      let m = l + 1;
      while (m < n && /^\s*(#.*)?$/.test(model.lines.lineText(m))) m++;
      if (m >= n) break;
      const next = model.lines.lineText(m);
      const ws = /^[ \t]*/.exec(next)![0];
      if (indent === undefined && ws.length) indent = ws;
      if (/&&\s*$/.test(t.slice(0, -1)) || /\|\|\s*$/.test(t.slice(0, -1))) trailing++;
      if (/^\s*(&&|\|\|)/.test(next)) leading++;
    }
    return { indent: indent ?? '    ', leading: leading >= trailing };
  });
}

/**
 * Whether an instruction's result reaches the image that ships: it stands in the final stage or a
 * stage the final one builds on; an ONBUILD trigger always counts (it runs in the child image).
 */
export function shipsInImage(model: DockerfileModel, ins: Instruction, onbuild = false): boolean {
  if (onbuild) return true;
  return shippedStageIndexes(model).has(stageIndexAtLine(model, ins.getRange().start.line));
}

/** A path argument without the quotes around it (`"/usr/local"`, `'C:\'`). */
export function unquote(v: string): string {
  return v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0] ? v.slice(1, -1) : v;
}
