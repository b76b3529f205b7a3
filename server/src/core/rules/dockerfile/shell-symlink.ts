import { runShell } from '../../model/dockerfile-run';
import { baseName, simpleCommands, unwrapCommand } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from './util';

/**
 * `ln -sf /bin/bash /bin/sh` in RUN: replacing the system shell changes every script of the image
 * that says `#!/bin/sh` (and the base image's own tools), not only the RUNs that follow. The SHELL
 * instruction changes the shell of later RUN/CMD/ENTRYPOINT in shell form and nothing else.
 */
export const shellSymlink = defineRule({
  id: 'shell-symlink',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL4005'],
  references: [{ title: 'Dockerfile reference: SHELL', url: 'https://docs.docker.com/reference/dockerfile/#shell' }],
  docs: {
    summary: 'RUN ln -s … /bin/sh: replacing /bin/sh instead of using SHELL.',
    risk: 'Every #!/bin/sh script in the image (package scripts, the base image\'s tools) now runs under another shell; they may break in ways nobody tests.',
    fix: 'Use SHELL ["/bin/bash", "-c"] (with -o pipefail if you like) for the RUNs that need bash.',
  },
  messages: {
    message: 'ln replaces /bin/sh for the whole image; use SHELL ["/bin/bash", "-c"] for the RUNs that need bash.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of runInstructions(model)) {
      if (!ins.getTextContent().includes('/bin/sh')) continue;
      const run = runShell(model, ins);
      if (!run.script) continue;
      for (const c of simpleCommands(run.script.list)) {
        const i = unwrapCommand(c);
        if (baseName(c.words[i]?.value) !== 'ln') continue;
        const args = c.words.slice(i + 1);
        const symbolic = args.some((w) => /^-[a-zA-Z]*s[a-zA-Z]*$/.test(w.value ?? '') || w.value === '--symbolic');
        const last = args[args.length - 1]?.value;
        if (!symbolic || (last !== '/bin/sh' && last !== '/usr/bin/sh')) continue;
        ctx.report({ range: run.range({ start: c.words[i].start, end: c.end }), message: m('message') });
      }
    }
  },
});
