import { defineRule } from '../define';
import { hasOption, insertAfterWord, packageRuns, type PackageCommand } from './packages';

/** Subcommands that ask "Do you want to continue?" without an assume-yes option. */
const PROMPTS: Record<string, ReadonlySet<string>> = {
  apt: new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'remove', 'purge', 'autoremove', 'build-dep']),
  rpm: new Set(['install', 'reinstall', 'update', 'upgrade', 'remove', 'erase', 'groupinstall', 'downgrade', 'distro-sync', 'autoremove']),
  zypper: new Set(['install', 'in', 'update', 'up', 'remove', 'rm', 'dist-upgrade', 'dup', 'patch', 'source-install', 'si']),
};

function family(p: PackageCommand): keyof typeof PROMPTS | undefined {
  if (p.manager === 'apt-get' || p.manager === 'apt' || p.manager === 'aptitude') return 'apt';
  if (p.manager === 'dnf' || p.manager === 'yum') return 'rpm';
  if (p.manager === 'zypper') return 'zypper';
  return undefined;
}

/** Whether the command answers its own prompt. */
function assumesYes(p: PackageCommand, fam: keyof typeof PROMPTS): boolean {
  switch (fam) {
    case 'apt':
      if (hasOption(p, ['-y', '--yes', '--assume-yes', '--force-yes', '-qq', '-qqq', '-q=2', '--quiet=2'], 'y')) return true;
      // Quiet level 2 implies -y; it adds up over options (`-q -q`, `--quiet --quiet`).
      if (p.options.reduce((n, o) => n + (/^-q+$/.test(o.value ?? '') ? (o.value!.length - 1) : o.value === '--quiet' ? 1 : 0), 0) >= 2) return true;
      return p.cmd.words.some((w) => /^APT::Get::Assume-Yes=("|')?(true|1|yes)/i.test(w.value ?? ''));
    case 'rpm':
      return hasOption(p, ['-y', '--assumeyes'], 'y') || p.cmd.words.some((w) => /^assumeyes=(1|true|yes)$/i.test(w.value ?? ''));
    default:
      return hasOption(p, ['-n', '--non-interactive', '-y', '--no-confirm'], 'n') || hasOption(p, [], 'y');
  }
}

/**
 * apt-get/apt, dnf/yum and zypper commands that install, upgrade or remove packages without their
 * assume-yes option: with no terminal to answer the prompt, the command aborts and the build fails
 * (or, with `yes |`, depends on a pipe). Fix: insert `-y` after the subcommand (zypper accepts `-y`
 * there too).
 */
export const packageInstallPrompt = defineRule({
  id: 'package-install-prompt',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  fixTiers: ['review'],
  equivalents: ['hadolint:DL3014', 'hadolint:DL3030', 'hadolint:DL3034', 'hadolint:DL3038'],
  references: [{ title: 'apt-get(8): -y, --assume-yes', url: 'https://manpages.debian.org/stable/apt/apt-get.8.en.html' }],
  docs: {
    summary: 'apt-get, dnf/yum or zypper installs, upgrades or removes packages without -y (zypper: -n or -y).',
    risk: 'A build has no terminal: the confirmation prompt reads end of input and the command aborts, so the build fails, or it waits for input in an interactive run.',
    fix: 'Add -y (apt-get install -y …, dnf install -y …, zypper install -y … or zypper -n install …); the quick fix inserts -y after the subcommand.',
  },
  messages: {
    message: '{command} {action} without -y asks for confirmation, which a build cannot give.',
    fixTitle: 'Add -y',
  },
  check(ctx, m) {
    const { model } = ctx;
    for (const pr of packageRuns(model)) {
      for (const p of pr.packages) {
        const fam = family(p);
        if (!fam || !p.verb || !PROMPTS[fam].has(p.action) || assumesYes(p, fam)) continue;
        ctx.report({
          range: pr.run.range({ start: p.name.start, end: p.verb.end }),
          message: m('message', { command: p.label, action: p.verb.value! }),
          fixes: [insertAfterWord(model, pr.run, p.verb, ' -y', m('fixTitle'))],
        });
      }
    }
  },
});
