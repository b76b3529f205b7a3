import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** dist/server.js: the language server over `--stdio` or `--node-ipc` (server.ts stays importable in-process). */
startServer(createConnection(ProposedFeatures.all));
