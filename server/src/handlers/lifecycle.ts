import * as path from 'node:path';
import { CodeActionKind, DidChangeConfigurationNotification, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver/node';
import { isLang, langFromLocale } from '../core/messages/catalog';
import { settingsToConfig, type InitOptions, type Session } from './session';

/** initialize / initialized, settings, the host context and watched files. */
export function registerLifecycle(s: Session, version: string): void {
  const { connection, service } = s;
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as InitOptions;
    service.setContext({ yamlSyntaxElsewhere: !!opts.yamlSyntaxElsewhere, dockerfileSyntaxElsewhere: !!opts.dockerfileSyntaxElsewhere });
    service.lang = opts.lang && isLang(opts.lang) ? opts.lang : langFromLocale(params.locale);
    if (typeof opts.debounceMs === 'number') s.debounceMs = opts.debounceMs;
    if (opts.trusted === false) s.trusted = false;
    s.hasConfigurationCapability = !!params.capabilities.workspace?.configuration;
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
        executeCommandProvider: { commands: ['dockyard.applyFixAll'] },
        workspace: { workspaceFolders: { supported: true } },
      },
      serverInfo: { name: 'dockyard-language-server', version },
    };
  });

  connection.onInitialized(async () => {
    if (s.hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'dockyard' }).catch(() => undefined);
    }
    await s.pullSettings();
    s.revalidateAll();
  });

  connection.onDidChangeConfiguration(async (change) => {
    if (s.hasConfigurationCapability) await s.pullSettings();
    else service.setSettings(settingsToConfig((change.settings as Record<string, unknown> | undefined)?.dockyard, s.knownRules));
    s.revalidateAll();
  });

  connection.onNotification('dockyard/hostContext', (p: InitOptions) => {
    service.setContext({ yamlSyntaxElsewhere: !!p.yamlSyntaxElsewhere, dockerfileSyntaxElsewhere: !!p.dockerfileSyntaxElsewhere });
    s.revalidateAll();
  });

  connection.onDidChangeWatchedFiles((p) => {
    const config = p.changes.some((c) => ['.dockyard.yaml', '.dockyard.yml'].includes(path.basename(s.uriToPath(c.uri))));
    // Config files, CRD schema files named by kubernetes.crdSchemas, loci data: read again.
    service.invalidate({ config });
    s.revalidateAll();
  });
}
