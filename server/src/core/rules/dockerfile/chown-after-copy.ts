import type { Instruction } from 'dockerfile-ast';
import { argumentsOf, type DockerfileModel } from '../../model/dockerfile';
import { runShell } from '../../model/dockerfile-run';
import type { Fix } from '../../types';
import { baseName } from '../../util/shell';
import { defineRule } from '../define';
import { copySources, hasFlag } from './util';

/**
 * `COPY src /dst` followed directly by `RUN chown [-R] owner /dst` (or chmod) and nothing else: the
 * RUN writes every copied file again into a new layer (the image carries them twice), where
 * `COPY --chown=owner` / `--chmod=mode` sets them in the copy's own layer. Quick fix: move the owner
 * (mode) into the COPY and delete the RUN; a person reviews it, since `chown -R` on a directory that
 * held files before also changed those.
 */
export const chownAfterCopy = defineRule({
  id: 'chown-after-copy',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  fixTiers: ['review'],
  references: [{ title: 'Dockerfile reference: COPY --chown --chmod', url: 'https://docs.docker.com/reference/dockerfile/#copy---chown---chmod' }],
  docs: {
    summary: 'RUN chown or chmod right after a COPY/ADD, on the destination just copied.',
    risk: 'Changing owner or mode rewrites every copied file into a new layer: the image stores them twice.',
    fix: 'Use COPY --chown=user:group (or --chmod=mode) and drop the RUN; the quick fix does both.',
  },
  messages: {
    message: 'RUN {command} after COPY stores the copied files a second time; use COPY --{command}={value}.',
    fixTitle: 'Use COPY --{command}={value} and remove the RUN',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const list = stage.instructions;
      for (let i = 0; i + 1 < list.length; i++) {
        const copy = list[i];
        const next = list[i + 1];
        const k = copy.getKeyword();
        if ((k !== 'COPY' && k !== 'ADD') || next.getKeyword() !== 'RUN') continue;
        const args = argumentsOf(copy);
        if (args.length < 2 || !copySources(model, copy).length) continue;
        const dest = args[args.length - 1].getValue().replace(/\/+$/, '');
        if (!dest || dest.includes('$')) continue;
        const run = runShell(model, next);
        const items = run.script?.list.items;
        if (run.form !== 'shell' || !items || items.length !== 1 || items[0].andOr.pipelines.length !== 1) continue;
        const cmds = items[0].andOr.pipelines[0].commands;
        const c = cmds[0];
        if (cmds.length !== 1 || c.type !== 'simple' || c.assignments.length || c.redirects.length) continue;
        const tool = baseName(c.words[0]?.value);
        if (tool !== 'chown' && tool !== 'chmod') continue;
        const ws = c.words.map((w) => w.value);
        let j = 1;
        if (ws[j] === '-R' || ws[j] === '--recursive') j++;
        if (ws.length !== j + 2 || ws[j] === undefined || ws[j]!.startsWith('-') || ws[j + 1]?.replace(/\/+$/, '') !== dest) continue;
        const value = ws[j]!;
        if (hasFlag(copy, tool)) continue;
        ctx.report({
          range: run.range({ start: c.words[0].start, end: c.end }),
          message: m('message', { command: tool, value }),
          fixes: () => moveIntoCopy(model, copy, next, tool, value, m('fixTitle', { command: tool, value })),
        });
      }
    }
  },
});

function moveIntoCopy(model: DockerfileModel, copy: Instruction, run: Instruction, tool: string, value: string, title: Fix['title']): Fix[] {
  const r = run.getRange();
  const lines = model.lines;
  if (lines.lineText(r.start.line).slice(0, r.start.character).trim() !== '' || lines.lineText(r.end.line).slice(r.end.character).trim() !== '') return [];
  if (/[\s"'\\]/.test(value)) return [];
  const kwEnd = model.range(copy.getInstructionRange()).end;
  const start = { line: r.start.line, character: 0 };
  const end = r.end.line + 1 < lines.lineCount ? { line: r.end.line + 1, character: 0 } : lines.positionAt(model.text.length);
  return [{ title, edits: [{ range: { start: kwEnd, end: kwEnd }, newText: ` --${tool}=${value}` }, { range: { start, end }, newText: '' }] }];
}
