import { t, type Lang } from '../core/messages/catalog';
import type { RuleInfo } from '../core/service';
import { CliUsageError, createCliService } from './service';

/**
 * `dockyard rules [--format text|json]`: the rule list (ids, default severities, categories, fix
 * tiers, equivalents in other tools), from the service's registry.
 */
export function rulesCommand(args: string[], io: { cwd: string; stdout(s: string): void; stderr(s: string): void }, lang: Lang): number {
  let formatOpt: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i++) {
    let a = args[i];
    let value: string | undefined;
    if (a.startsWith('--format=')) {
      value = a.slice('--format='.length);
      a = '--format';
    } else if (a === '--format') value = args[++i];
    if (a === '--format') {
      if (value !== 'text' && value !== 'json') throw new CliUsageError(t('cli.error.badValue', { value: value ?? '', option: '--format', expected: 'text, json' }, lang));
      formatOpt = value;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      if (a === '--lang') i++;
    } else throw new CliUsageError(t('cli.error.unknownOption', { option: a }, lang));
  }
  const rules = createCliService({ cwd: io.cwd, lang }, io.stderr).ruleList();
  if (formatOpt === 'json') {
    io.stdout(JSON.stringify({ version: 1, rules }, null, 2) + '\n');
    return 0;
  }
  for (const r of rules) io.stdout(textLine(r, lang) + '\n');
  io.stdout(t('cli.rules.count', { count: rules.length }, lang) + '\n');
  return 0;
}

function textLine(r: RuleInfo, lang: Lang): string {
  const fix = r.fixTiers.length ? r.fixTiers.join('/') : t('cli.rules.noFix', undefined, lang);
  const eq = r.equivalents.length ? ` [${r.equivalents.join(', ')}]` : '';
  return `${r.id} ${r.defaultSeverity} ${r.category} fix:${fix}${eq} — ${r.summary}`;
}
