import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { isLang, langFromLocale, t } from '../core/messages/catalog';
import { SERVER_COMMANDS } from '../core/features/types';
import { LOCI_COMMIT } from '../core/loci/data';
import { schemaVersions } from '../core/config/settings';
import { settingsToConfig, type InitOptions, type Session } from './session';

/**
 * Files the server asks the client to watch (when the client takes a dynamic registration):
 * manifests (the cross-file index), `.dockyard.yaml`, CRD schema files (YAML or JSON), loci data.
 */
export const WATCHED_FILES = ['**/*.{yaml,yml,json}', '**/.dockyard.{yaml,yml}', '**/.hadolint.{yaml,yml}', '**/{bindep,pydep}*.txt'];

/** initialize / initialized, settings, the host context and watched files. */
export function registerLifecycle(s: Session, version: string): void {
  const { connection, service } = s;
  let clientName = '';
  let configurationRegistration = false;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as InitOptions;
    service.setContext(hostContextOf(opts));
    // The client's display language (initializationOptions.lang, vscode.env.language), else the
    // LSP locale: `zh-cn`, `zh-CN`, `zh_CN.UTF-8`, `zh-hans` speak Simplified Chinese, the rest English.
    service.lang = langFromLocale(typeof opts.lang === 'string' && opts.lang ? opts.lang : params.locale);
    if (typeof opts.debounceMs === 'number') s.debounceMs = opts.debounceMs;
    if (opts.trusted === false) s.trusted = false;
    s.hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
    // Only a client that takes it (eglot 1.9 warns about a registration it does not support).
    configurationRegistration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    s.showDocumentSupport = !!params.capabilities.window?.showDocument?.support;
    s.watchedFilesRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    clientName = [params.clientInfo?.name, params.clientInfo?.version].filter(Boolean).join(' ');
    s.roots = (params.workspaceFolders ?? []).map((f) => s.uriToPath(f.uri));
    if (!s.roots.length && params.rootUri) s.roots = [s.uriToPath(params.rootUri)];
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, 'source.fixAll.dockyard'], resolveProvider: false },
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '=', '/', '-'], resolveProvider: false },
        inlayHintProvider: true,
        codeLensProvider: { resolveProvider: false },
        executeCommandProvider: { commands: [SERVER_COMMANDS.applyFixAll, SERVER_COMMANDS.showRuleDocs] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'dockyard-language-server', version },
    };
  });

  connection.onInitialized(async () => {
    if (s.hasConfigurationCapability && configurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockyard' }).catch(() => undefined);
    }
    if (s.watchedFilesRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHED_FILES.map((globPattern) => ({ globPattern })) }).catch(() => undefined);
    }
    await s.pullSettings();
    logStart(s, version, clientName);
    s.revalidateAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    // A client without workspace/configuration (Neovim 0.7) pushes `{ dockyard: {...} }` here.
    if (s.hasConfigurationCapability) await s.pullSettings();
    else service.setSettings(settingsToConfig((change.settings as Record<string, unknown> | undefined)?.dockyard, s.knownRules));
    s.revalidateAll();
  });

  connection.onNotification('dockyard/hostContext', (p: InitOptions) => {
    service.setContext(hostContextOf(p));
    s.revalidateAll();
  });

  connection.onDidChangeWatchedFiles((p) => {
    const changes = p.changes.map((c) => ({ path: s.uriToPath(c.uri), deleted: c.type === FileChangeType.Deleted }));
    // .hadolint.yaml counts as configuration too (where it is found is cached with the config files).
    const isConfig = (f: string) => ['.dockyard.yaml', '.dockyard.yml', '.hadolint.yaml', '.hadolint.yml'].includes(path.basename(f));
    const config = changes.some((c) => isConfig(c.path));
    // Manifests that are not open: read again into the cross-file index.
    const { manifests, others } = service.refreshFiles(changes.filter((c) => /\.(ya?ml|json)$/i.test(c.path) && !isConfig(c.path)));
    // Anything else (a config file, a CRD schema file named by kubernetes.crdSchemas, loci data or
    // CI vars files, a compose file): forget what was read and check every open document again.
    const crd = s.host.crdSchemas.readPaths;
    const other = config || others.length > 0 || changes.some((c) => !manifests.includes(c.path)) || manifests.some((m) => crd.has(m));
    s.log('core.log.filesChanged', { count: changes.length, invalidated: other ? t('core.log.invalidated', undefined, s.lang) : '' });
    if (other) {
      service.invalidate({ config });
      s.revalidateAll();
      return;
    }
    for (const stale of service.staleDocuments()) {
      const doc = s.documents.get(s.pathToUri(stale));
      if (doc) s.schedule(doc, 0);
    }
  });
}

/** What the server started with, in the client's log: version, per folder Kubernetes version, loci data, coexistence. */
function logStart(s: Session, version: string, client: string): void {
  const { service } = s;
  s.log('core.log.started', { version, node: process.version, client: client || '?', roots: s.roots.join(', ') || '-' });
  for (const root of s.roots.length ? s.roots : []) {
    const probe = path.join(root, '.dockyard-probe.yaml');
    const config = service.configFor(probe);
    const configFile = s.host.resolver.configFileFor(probe);
    s.log('core.log.folder', {
      folder: root,
      k8s: config.kubernetes.version || schemaVersions()[schemaVersions().length - 1],
      k8sSource: t(config.kubernetes.version ? 'core.log.k8s.configured' : 'core.log.k8s.default', undefined, s.lang),
      pss: config.pss,
      loci: config.loci.path
        ? t('core.log.loci.checkout', { path: path.resolve(root, config.loci.path) }, s.lang)
        : t('core.log.loci.bundled', { commit: LOCI_COMMIT.slice(0, 12) }, s.lang),
      config: configFile ?? t('core.log.config.none', undefined, s.lang),
    });
  }
  const config = service.configFor(path.join(s.roots[0] ?? process.cwd(), '.dockyard-probe.yaml'));
  const ctx = service.hostContext;
  const decision = (mode: string, elsewhere: boolean) =>
    t(mode === 'never' || (mode === 'auto' && elsewhere) ? 'core.log.decision.left' : 'core.log.decision.reported', undefined, s.lang);
  const other = (present: boolean) => t(present ? 'core.log.other.present' : 'core.log.other.absent', undefined, s.lang);
  s.log('core.log.yamlSyntax', { decision: decision(config.coexistence.yamlSyntax, !!ctx.yamlSyntaxElsewhere), mode: config.coexistence.yamlSyntax, other: other(!!ctx.yamlSyntaxElsewhere) });
  s.log('core.log.dockerfileSyntax', {
    decision: decision(config.coexistence.dockerfileSyntax, !!ctx.dockerfileSyntaxElsewhere),
    mode: config.coexistence.dockerfileSyntax,
    other: other(!!ctx.dockerfileSyntaxElsewhere),
  });
  if (s.watchedFilesRegistration) s.log('core.log.watching', { patterns: WATCHED_FILES.join(', ') });
  else s.log('core.log.notWatching');
}

/** The host context the client reports (which other extensions are installed). */
function hostContextOf(o: InitOptions) {
  return { yamlSyntaxElsewhere: !!o.yamlSyntaxElsewhere, dockerfileSyntaxElsewhere: !!o.dockerfileSyntaxElsewhere, buildkitChecksElsewhere: !!o.buildkitChecksElsewhere };
}
