import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry } from '../core/rules';
import { DockyardService } from '../core/service';
import { createNodeHost } from '../host/node-host';
import { repositoryPathPolicy } from '../host/repo-root';
import { t, type Lang } from '../core/messages/catalog';
import type { PartialConfig } from '../core/config/config';

/** The CLI's service (also each lint worker's): the flags are its top configuration layer. */
export function createCliService(o: { cwd: string; config?: string; pss?: 'baseline' | 'restricted'; k8sVersion?: string; lang: Lang; allowPaths?: string[] }, stderr: (s: string) => void): DockyardService {
  const registry = createRegistry();
  const configFile = o.config ? path.resolve(o.cwd, o.config) : undefined;
  if (configFile && !fs.existsSync(configFile)) throw new CliUsageError(t('cli.error.unreadable', { path: o.config!, reason: 'ENOENT' }, o.lang));
  // Paths named by the repository's configuration stay inside the repository (or --allow-path folders).
  const allow = (o.allowPaths ?? []).map((p) => path.resolve(o.cwd, p));
  const pathPolicy = (resolver: { configFileFor(file: string): string | undefined }) =>
    repositoryPathPolicy((file) => resolver.configFileFor(file), allow, (r) => {
      const shown = (p: string) => {
        const rel = path.relative(o.cwd, p);
        return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
      };
      stderr(t('cli.warning.pathRefused', { setting: r.setting, path: shown(r.path), root: shown(r.root) || '.' }, o.lang) + '\n');
    });
  const host = createNodeHost({ knownRules: new Set(registry.ids()), configFile, roots: () => [o.cwd], pathPolicy });
  const settings: PartialConfig = {};
  if (o.pss) settings.pss = o.pss;
  if (o.k8sVersion) settings.kubernetes = { version: o.k8sVersion };
  return new DockyardService({
    host,
    registry,
    settings,
    lang: o.lang,
    logRuleError: (rule, p, e) => stderr(t('core.ruleError', { rule, path: p, error: e instanceof Error ? e.message : String(e) }, o.lang) + '\n'),
  });
}

export class CliUsageError extends Error {}
