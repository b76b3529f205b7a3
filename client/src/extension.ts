import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { langFromLocale, t as catalogText } from '../../server/src/core/messages/catalog';
import { analysisSettingKeys, pathSettingKeys, untrustedSettingKeys } from '../../server/src/core/config/settings';
import { registerScaffoldCommands } from './scaffold';
import { SERVER_COMMANDS } from '../../server/src/core/features/types';
import { statusText, type StatusCounts } from './status';
import { hostContextOf } from './coexistence';

/** Node options the language server runs with (scripts/bench/run.mjs launches it the same way). */
export const SERVER_NODE_ARGS = ['--max-semi-space-size=2'] as const;

/**
 * The VS Code side only: starts the language server, registers commands, shows status and
 * progress. All analysis happens in the server.
 */
/** A catalog text in the editor's display language (`vscode.env.language`: zh-cn → Simplified Chinese). */
function t(id: string, args?: Record<string, string | number>): string {
  return catalogText(id, args, langFromLocale(vscode.env.language));
}

let client: LanguageClient | undefined;
let status: vscode.StatusBarItem;
let output: vscode.OutputChannel;

function hostContext() {
  return hostContextOf((id) => vscode.extensions.getExtension(id) !== undefined);
}

/**
 * Only the settings the user set explicitly, so a repository's .dockyard.yaml keeps precedence over
 * defaults. Also tells the server whether the workspace is trusted (`$trusted`) and which scope each
 * path setting came from (`$scopes`: user, or workspace / workspace folder = the repository's). In
 * Restricted Mode the workspace values of settings naming paths or patterns are not sent (VS Code
 * ignores them too: package.json restrictedConfigurations), only the user's.
 */
function explicitSettings(): Record<string, unknown> {
  const cfg = vscode.workspace.getConfiguration('dockyard');
  const trusted = vscode.workspace.isTrusted;
  const pathKeys = new Set(pathSettingKeys());
  const restricted = new Set(untrustedSettingKeys());
  const scopes: Record<string, 'user' | 'workspace'> = {};
  const out: Record<string, unknown> = { $trusted: trusted, $scopes: scopes };
  for (const key of analysisSettingKeys()) {
    const i = cfg.inspect(key);
    const repo = i?.workspaceFolderValue ?? i?.workspaceValue;
    const v = !trusted && restricted.has(key) ? i?.globalValue : (repo ?? i?.globalValue);
    if (v === undefined) continue;
    if (pathKeys.has(key)) scopes[key] = v === repo ? 'workspace' : 'user';
    const parts = key.split('.');
    let cur = out;
    for (let j = 0; j < parts.length - 1; j++) cur = (cur[parts[j]] ??= {}) as Record<string, unknown>;
    cur[parts[parts.length - 1]] = v;
  }
  return out;
}

function setStatus(kind: 'starting' | 'ready' | 'problems' | 'crashed', count = 0, tooltip?: string): void {
  status.text =
    kind === 'starting'
      ? `$(sync~spin) ${t('core.status.starting')}`
      : kind === 'ready'
        ? `$(check) ${t('core.status.ready')}`
        : kind === 'problems'
          ? `$(warning) ${t('core.status.problems', { count })}`
          : `$(error) ${t('core.status.crashed')}`;
  status.tooltip = tooltip ?? t('core.status.tooltip');
  status.show();
}

async function startClient(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    // A 2 MB young generation: the server's live heap is ~20 MB, but with V8's default semi-spaces
    // each edit's new document text grew the process to ~200 MB RSS over 10,000 edits (124 MB with this).
    run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_ARGS] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
      { scheme: 'file', language: 'helm' },
      { scheme: 'file', language: 'bindep' },
      { scheme: 'file', language: 'shellscript' },
      // JSON manifests (kubectl applies them too); other JSON files are recognised and left alone.
      { scheme: 'file', language: 'json' },
      { scheme: 'file', pattern: '**/{Dockerfile,Containerfile,*.dockerfile,Dockerfile.*}' },
    ],
    // No `synchronize.fileEvents`: the server registers the files it watches (manifests for the
    // cross-file index, .dockyard.yaml, CRD schema files, loci data) through
    // workspace/didChangeWatchedFiles, the same way for every editor that offers it.
    initializationOptions: { ...hostContext(), lang: vscode.env.language, trusted: vscode.workspace.isTrusted },
    outputChannel: output,
    middleware: {
      // The server's lenses carry its own command (any editor can run it); in VS Code the rule
      // docs open in the Markdown preview instead, through the client's command.
      executeCommand: (command, args, next) => (command === SERVER_COMMANDS.showRuleDocs ? vscode.commands.executeCommand('dockyard.showRuleDocs', ...args) : next(command, args)),
      workspace: {
        configuration: (params, token, next) => {
          if (params.items.some((i) => i.section === 'dockyard')) return params.items.map((i) => (i.section === 'dockyard' ? explicitSettings() : null));
          return next(params, token);
        },
      },
    },
  };
  client = new LanguageClient('dockyard', 'Dockyard', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Starting) setStatus('starting');
    else if (e.newState === State.Running) setStatus('ready');
    else if (e.newState === State.Stopped) setStatus('crashed');
  });
  setStatus('starting');
  await client.start();
  // Trusting the workspace changes what the server may read: it pulls the settings again.
  context.subscriptions.push(vscode.workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('workspace/didChangeConfiguration', { settings: null })));
  client.onNotification('dockyard/status', (s: StatusCounts) => {
    const { count, tooltip } = statusText(s, langFromLocale(vscode.env.language));
    setStatus(count ? 'problems' : 'ready', count, tooltip);
  });
}

class RuleDocsProvider implements vscode.TextDocumentContentProvider {
  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const rule = uri.path.replace(/^\//, '').replace(/\.md$/, '');
    const r = (await client?.sendRequest('dockyard/ruleDocs', { rule })) as { markdown?: string; error?: string } | undefined;
    return r?.markdown ?? r?.error ?? rule;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<{ client: () => LanguageClient | undefined }> {
  output = vscode.window.createOutputChannel('Dockyard');
  status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 10);
  status.command = 'dockyard.showOutput';
  context.subscriptions.push(output, status);

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider('dockyard-docs', new RuleDocsProvider()),
    vscode.commands.registerCommand('dockyard.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('dockyard.restartServer', async () => {
      if (client) await client.restart();
      else await startClient(context);
      void vscode.window.showInformationMessage(t('core.server.restarted'));
    }),
    vscode.commands.registerCommand('dockyard.lintWorkspace', async () => {
      if (!client) return;
      const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.toString());
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: t('core.lintWorkspace.title'), cancellable: true },
        async (progress, token) => {
          let last = 0;
          const sub = client!.onNotification('dockyard/progress', (p: { done: number; total: number; file: number; files: number }) => {
            const pct = p.total ? (p.done / p.total) * 100 : 0;
            progress.report({ increment: pct - last, message: t('core.lintWorkspace.progress', { done: p.file, total: p.files }) });
            last = pct;
          });
          try {
            return (await client!.sendRequest('dockyard/lintWorkspace', { folders }, token)) as { files: number; errors: number; warnings: number };
          } finally {
            sub.dispose();
          }
        },
      );
      if (result) void vscode.window.showInformationMessage(t('core.lintWorkspace.done', { files: result.files, errors: result.errors, warnings: result.warnings }));
    }),
    vscode.commands.registerCommand('dockyard.showRuleDocs', async (ruleArg?: string) => {
      let rule = typeof ruleArg === 'string' ? ruleArg : undefined;
      if (!rule) {
        const r = (await client?.sendRequest('dockyard/ruleDocs', {})) as { rules: string[] } | undefined;
        rule = await vscode.window.showQuickPick(r?.rules ?? [], { placeHolder: t('core.ruleDocs.pick') });
      }
      if (!rule) return;
      const uri = vscode.Uri.parse(`dockyard-docs:/${rule}.md`);
      try {
        await vscode.commands.executeCommand('markdown.showPreview', uri);
      } catch {
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      }
    }),
    vscode.extensions.onDidChange(() => {
      void client?.sendNotification('dockyard/hostContext', hostContext());
    }),
  );

  registerScaffoldCommands(context);
  await startClient(context);
  return { client: () => client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
