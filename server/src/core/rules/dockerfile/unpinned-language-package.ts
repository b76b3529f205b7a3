import { defineRule } from '../define';
import { OS_MANAGERS, packageRuns, PIN_EXAMPLE, unpinnedPackages, wordsSpan } from './packages';

/**
 * pip install, npm install, gem install and go install of packages without a version (go:
 * `@latest` or a branch). Requirement/constraint files (`pip -r`, `-c`), `gem -v`, local paths,
 * URLs and archives count as pinned; packages named by a variable are not judged. No fix.
 */
export const unpinnedLanguagePackage = defineRule({
  id: 'unpinned-language-package',
  category: 'dockerfile',
  target: 'dockerfile',
  defaultSeverity: 'warning',
  equivalents: ['hadolint:DL3013', 'hadolint:DL3016', 'hadolint:DL3028'],
  references: [{ title: 'pip: repeatable installs', url: 'https://pip.pypa.io/en/stable/topics/repeatable-installs/' }],
  docs: {
    summary: 'pip, npm, gem or go install a package without a version (go: @latest or a branch).',
    risk: 'Language registries publish new major versions at any time: a rebuild can pull in a breaking or malicious release nobody reviewed.',
    fix: 'Pin the version (pip install flask==3.0.3, npm install -g typescript@5.6.3, gem install bundler:2.5.22, go install golang.org/x/tools/gopls@v0.16.2), or install from a requirements/lock file.',
  },
  messages: {
    message: '{command} installs {packages} without a version (write {example}).',
  },
  check(ctx, m) {
    for (const pr of packageRuns(ctx.model)) {
      for (const p of pr.packages) {
        if (OS_MANAGERS.has(p.manager)) continue;
        const loose = unpinnedPackages(p);
        if (!loose.length) continue;
        ctx.report({
          range: pr.run.range(wordsSpan(loose)),
          message: m('message', { command: `${p.label} ${p.verb!.value}`, packages: loose.map((w) => w.value).join(', '), example: PIN_EXAMPLE[p.manager] }),
        });
      }
    }
  },
});
