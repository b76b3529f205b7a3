import { runShell } from '../../model/dockerfile-run';
import { MAX_SHELL_NESTING } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from '../dockerfile/util';

/**
 * Input that Dockyard stopped analysing part of, said out loud instead of read as "no problems":
 * a RUN whose commands nest deeper than the shell parser goes (`$( $( … ) )` hundreds of levels:
 * hostile or generated input). The rules that read RUN commands (pipe-to-shell, sudo-in-run,
 * apt-lists-not-cleaned, consecutive-run's fix, loci build arguments) see only what came before.
 */
export const analysisIncompleteDockerfile = defineRule({
  id: 'analysis-incomplete',
  category: 'meta',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  docs: {
    summary: 'Part of the file was not analysed: it goes beyond a limit that keeps analysis fast and safe on hostile input (a RUN whose commands nest deeper than the shell parser goes; a Helm template with more if/else alternatives than are checked).',
    risk: 'The checks that need that part did not run, so a clean result would be misleading: `dockyard lint --fail-on warning` fails on this finding.',
    fix: 'Simplify the construct (move a deeply nested command into a script file that the image COPYs), or suppress the finding with a reason if the file is generated and reviewed elsewhere.',
  },
  messages: {
    shellTooDeep: 'This RUN nests commands more than {limit} levels deep; Dockyard did not analyse its commands past this point.',
    /** Reported by the engine on a Helm template document (information: the default variant and the first alternatives were checked). */
    helmVariants: 'This Helm template has more if/else alternatives than Dockyard checks ({limit} variants of the document): the branches beyond them were not analysed.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of runInstructions(model)) {
      // A list nested d deep needs at least d - 1 opening characters (`(`, `{`, `` ` ``, `if` …):
      // a shorter RUN cannot be too deep, and is not parsed here (nor kept parsed for this rule).
      const r = ins.getRange();
      if (model.lines.offsetAt(r.end) - model.lines.offsetAt(r.start) < MAX_SHELL_NESTING) continue;
      const run = runShell(model, ins);
      const at = run.script?.tooDeepAt;
      if (at === undefined) continue;
      const start = run.offset(at);
      ctx.report({ range: model.lines.rangeOf(start, Math.min(start + 1, run.end)), message: m('shellTooDeep', { limit: MAX_SHELL_NESTING }) });
    }
  },
});
