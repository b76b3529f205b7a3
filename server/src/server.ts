import type { Connection } from 'vscode-languageserver/node';
import { Session } from './handlers/session';
import { registerLifecycle } from './handlers/lifecycle';
import { registerDocuments } from './handlers/documents';
import { registerActions } from './handlers/actions';
import { registerFeatures } from './handlers/features';
import { registerWorkspace } from './handlers/workspace';

export { settingsToConfig, type InitOptions } from './handlers/session';

/**
 * The language server: a table of handlers (server/src/handlers/*), each translating LSP ↔ one
 * DockyardService call (lsp/convert.ts converts the shapes). Debounce, versions and cancellation
 * stay here. Runs over `--stdio` (any editor), `--node-ipc` (VS Code), or any in-memory
 * `Connection` (test/lsp/memory.ts).
 */
declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export function startServer(connection: Connection): Session {
  const session = new Session(connection);
  registerLifecycle(session, VERSION);
  registerDocuments(session);
  registerActions(session);
  registerFeatures(session);
  registerWorkspace(session);
  session.documents.listen(connection);
  connection.onShutdown(() => session.dispose());
  connection.listen();
  return session;
}
