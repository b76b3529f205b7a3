import { runShell } from '../../model/dockerfile-run';
import { baseName, simpleCommands, unwrapCommand } from '../../util/shell';
import { defineRule } from '../define';
import { runInstructions } from './util';

/**
 * `apt-key` in RUN: deprecated since Debian 11 / Ubuntu 22.04 and gone from apt in Debian 13 and
 * Ubuntu 24.10; a key it adds is trusted for every repository, not only the one it signs.
 */
export const aptKeyDeprecated = defineRule({
  id: 'apt-key-deprecated',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  references: [{ title: 'Debian wiki: third-party repositories (signed-by)', url: 'https://wiki.debian.org/DebianRepository/UseThirdParty' }],
  docs: {
    summary: 'apt-key in RUN.',
    risk: 'apt-key is deprecated and removed from newer apt (the build breaks on a newer base image), and a key it adds is trusted for every repository.',
    fix: 'Store the key in /etc/apt/keyrings/<name>.gpg (gpg --dearmor) and reference it with [signed-by=/etc/apt/keyrings/<name>.gpg] in the repository\'s sources entry.',
  },
  messages: {
    message: 'apt-key is deprecated (removed from newer apt); use a keyring file with signed-by.',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const { ins } of runInstructions(model)) {
      if (!ins.getTextContent().includes('apt-key')) continue;
      const run = runShell(model, ins);
      if (!run.script) continue;
      for (const c of simpleCommands(run.script.list)) {
        const i = unwrapCommand(c);
        if (baseName(c.words[i]?.value) === 'apt-key') ctx.report({ range: run.range(c.words[i]), message: m('message') });
      }
    }
  },
});
