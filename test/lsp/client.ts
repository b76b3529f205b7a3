import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../../server/src/server';
import type { Session } from '../../server/src/handlers/session';

/**
 * A minimal LSP client. `TestClient` drives the bundled server (dist/server.js) over stdio (a real
 * process); `MemoryClient` runs `startServer` in this process over two in-memory streams (as the
 * compose-language-service's TestConnection does): same protocol, no process start-up.
 */
export interface Published {
  uri: string;
  version?: number;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code?: string; severity?: number; message: string; source?: string; codeDescription?: { href: string } }[];
}

export const ROOT = process.env.DOCKYARD_ROOT ?? path.resolve(__dirname, '../../..');

export class TestClient {
  readonly proc?: ChildProcess;
  readonly conn: MessageConnection;
  /** The in-process server's session (MemoryClient only): its service's test hooks. */
  session?: Session;
  readonly published: Published[] = [];
  /** Called for every publishDiagnostics as it arrives (before waiters are resolved). */
  readonly onPublish: ((p: Published) => void)[] = [];
  private waiters: { pred: (p: Published) => boolean; resolve: (p: Published) => void }[] = [];
  settings: Record<string, unknown> = {};
  stderr = '';
  /** window/logMessage and window/showMessage notifications, in order. */
  readonly messages: { method: string; type: number; message: string }[] = [];
  /** client/registerCapability registrations and window/showDocument requests received. */
  readonly registrations: { method: string; registerOptions?: any }[] = [];
  readonly shownDocuments: { uri: string; selection?: any; takeFocus?: boolean }[] = [];

  constructor(args: string[] | { memory: true } = ['--stdio']) {
    if (Array.isArray(args)) {
      this.proc = spawn(process.execPath, [path.join(ROOT, 'dist/server.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
      this.proc.stderr!.on('data', (d) => (this.stderr += String(d)));
      this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    } else {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      this.serverStreams = [toServer, toClient];
      const server = createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
      server.console.error = (m: string) => void (this.stderr += m + '\n');
      this.session = startServer(server);
      this.conn = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    }
    this.conn.onNotification('textDocument/publishDiagnostics', (p: Published) => {
      this.published.push(p);
      for (const l of this.onPublish) l(p);
      this.waiters = this.waiters.filter((w) => {
        if (w.pred(p)) {
          w.resolve(p);
          return false;
        }
        return true;
      });
    });
    this.conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'dockyard' ? this.settings : null)));
    this.conn.onRequest('client/registerCapability', (p: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      this.registrations.push(...p.registrations);
      return null;
    });
    this.conn.onNotification('window/logMessage', (p: { type: number; message: string }) => this.messages.push({ method: 'window/logMessage', ...p }));
    this.conn.onNotification('window/showMessage', (p: { type: number; message: string }) => this.messages.push({ method: 'window/showMessage', ...p }));
    this.conn.onRequest('window/showDocument', (p: { uri: string }) => {
      this.shownDocuments.push(p);
      return { success: true };
    });
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: true }));
    this.conn.listen();
  }

  /** `capabilities` replaces the default client capabilities (a VS Code-like client's). */
  async initialize(initializationOptions: Record<string, unknown> = {}, rootUri: string | null = null, capabilities?: Record<string, unknown>) {
    const r = await this.conn.sendRequest('initialize', {
      processId: this.proc ? process.pid : null,
      rootUri,
      capabilities: capabilities ?? { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { debounceMs: 10, ...initializationOptions },
    });
    await this.conn.sendNotification('initialized', {});
    return r as { capabilities: Record<string, unknown>; serverInfo: { name: string } };
  }

  waitFor(pred: (p: Published) => boolean, timeoutMs = 10_000): Promise<Published> {
    const hit = this.published.find(pred);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for diagnostics; got ${JSON.stringify(this.published.map((p) => [p.uri, p.version, p.diagnostics.length]))}\n${this.stderr}`)), timeoutMs);
      this.waiters.push({
        pred,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  open(uri: string, languageId: string, text: string, version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri: string, version: number, changes: unknown[]) {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.conn.sendRequest(method, params) as Promise<T>;
  }

  private serverStreams?: PassThrough[];

  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest('shutdown');
    if (!this.proc) {
      // In-process: no `exit` (the server's connection would end this process); close the streams.
      this.conn.dispose();
      for (const s of this.serverStreams ?? []) s.end();
      return 0;
    }
    await this.conn.sendNotification('exit');
    const code = await new Promise<number | null>((resolve) => {
      if (this.proc!.exitCode !== null) resolve(this.proc!.exitCode);
      this.proc!.on('exit', (c) => resolve(c));
    });
    this.conn.dispose();
    return code;
  }
}

/** The server in this process over in-memory streams (see TestClient). */
export class MemoryClient extends TestClient {
  constructor() {
    super({ memory: true });
  }
}
