import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRegistry } from '../core/rules';
import { DockyardService } from '../core/service';
import { createNodeHost } from '../host/node-host';
import { t, type Lang } from '../core/messages/catalog';
import type { PartialConfig } from '../core/config/config';

/** The CLI's service (also each lint worker's): the flags are its top configuration layer. */
export function createCliService(o: { cwd: string; config?: string; pss?: 'baseline' | 'restricted'; k8sVersion?: string; lang: Lang }, stderr: (s: string) => void): DockyardService {
  const registry = createRegistry();
  const configFile = o.config ? path.resolve(o.cwd, o.config) : undefined;
  if (configFile && !fs.existsSync(configFile)) throw new CliUsageError(t('cli.error.unreadable', { path: o.config!, reason: 'ENOENT' }, o.lang));
  const host = createNodeHost({ knownRules: new Set(registry.ids()), configFile, roots: () => [o.cwd] });
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
