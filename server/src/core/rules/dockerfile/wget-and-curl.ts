import { runShell } from '../../model/dockerfile-run';
import { stageIndexAtLine } from '../../model/dockerfile-stages';
import { baseName, simpleCommands, unwrapCommand } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from './util';

/**
 * A stage that downloads with both curl and wget: two tools in the image where one does, and two
 * sets of flags to get right (fail on HTTP errors, retries). Reported once per stage, at the first
 * use of the tool that came second.
 */
export const wgetAndCurl = defineRule({
  id: 'wget-and-curl',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'information',
  equivalents: ['hadolint:DL4001'],
  references: [{ title: 'hadolint DL4001', url: 'https://github.com/hadolint/hadolint/wiki/DL4001' }],
  docs: {
    summary: 'Both curl and wget in the RUNs of one stage.',
    risk: 'Two download tools where one does: a bigger image, and two sets of options (fail on HTTP errors, retries, TLS) to keep right.',
    fix: 'Pick one (curl -fsSL, or wget -q) for every download of the stage.',
  },
  messages: {
    message: '{tool} here, {other} earlier in this stage: use one download tool.',
  },
  check(ctx, m) {
    const { model } = ctx;
    const seen = new Map<number, { first?: string; reported: boolean }>();
    for (const { ins, onbuild } of runInstructions(model)) {
      if (onbuild) continue;
      const text = ins.getTextContent();
      if (!text.includes('curl') && !text.includes('wget')) continue;
      const stage = stageIndexAtLine(model, ins.getRange().start.line);
      let st = seen.get(stage);
      if (!st) seen.set(stage, (st = { reported: false }));
      if (st.reported) continue;
      const run = runShell(model, ins);
      if (!run.script) continue;
      for (const c of simpleCommands(run.script.list)) {
        const i = unwrapCommand(c);
        const tool = baseName(c.words[i]?.value);
        if (tool !== 'curl' && tool !== 'wget') continue;
        if (!st.first) st.first = tool;
        else if (st.first !== tool) {
          ctx.report({ range: run.range(c.words[i]), message: m('message', { tool, other: st.first }) });
          st.reported = true;
          break;
        }
      }
    }
  },
});
