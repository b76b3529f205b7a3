// A small LSP client for the benchmark: spawns a language server over stdio and times
// publishDiagnostics. Used for Dockyard's own server and the peers alike, so all are measured
// through the same code path.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';

export class LspServer {
  /**
   * @param {string} name  label for errors
   * @param {string[]} argv  node script + arguments (run with this node)
   * @param {{ settings?: Record<string, unknown>, cwd?: string, nodeArgs?: string[] }} opts
   */
  constructor(name, argv, opts = {}) {
    this.name = name;
    this.settings = opts.settings ?? {};
    this.spawnedAt = performance.now();
    this.proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), ...argv], { stdio: ['pipe', 'pipe', 'pipe'], cwd: opts.cwd });
    this.stderr = '';
    this.proc.stderr.on('data', (d) => {
      this.stderr += String(d);
      if (this.stderr.length > 100_000) this.stderr = this.stderr.slice(-50_000);
    });
    this.exited = new Promise((resolve) => this.proc.on('exit', (code) => resolve(code)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout), new StreamMessageWriter(this.proc.stdin));
    /** Every publishDiagnostics: { at, uri, version, count } */
    this.published = [];
    this.waiters = [];
    this.logs = [];
    this.conn.onNotification('textDocument/publishDiagnostics', (p) => {
      const e = { at: performance.now(), uri: p.uri, version: p.version, count: p.diagnostics.length, diagnostics: p.diagnostics };
      this.published.push(e);
      if (this.published.length > 2000) this.published.splice(0, 1000);
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(e)) return true;
        w.resolve(e);
        return false;
      });
    });
    this.conn.onNotification('window/logMessage', (p) => {
      if (this.logs.length < 200) this.logs.push(p.message);
    });
    this.conn.onNotification(() => undefined);
    const section = (s) => {
      if (!s) return this.settings;
      let v = this.settings;
      for (const k of s.split('.')) v = v && typeof v === 'object' ? v[k] : undefined;
      return v ?? null;
    };
    this.conn.onRequest('workspace/configuration', (p) => p.items.map((i) => section(i.section)));
    this.conn.onRequest('client/registerCapability', () => null);
    this.conn.onRequest('client/unregisterCapability', () => null);
    this.conn.onRequest('window/workDoneProgress/create', () => null);
    this.conn.onRequest('workspace/workspaceFolders', () => this.folders ?? null);
    this.conn.onRequest('workspace/applyEdit', () => ({ applied: false }));
    this.conn.onRequest(() => null);
    this.conn.listen();
  }

  async initialize({ rootUri = null, initializationOptions, folders } = {}) {
    this.folders = folders ?? (rootUri ? [{ uri: rootUri, name: 'root' }] : null);
    const r = await this.conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: this.folders,
      initializationOptions,
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          synchronization: { dynamicRegistration: true, didSave: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } } },
        },
      },
    });
    this.capabilities = r.capabilities;
    this.serverInfo = r.serverInfo;
    await this.conn.sendNotification('initialized', {});
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: this.settings });
    return r;
  }

  /** The next publish matching pred (published after `since`, a performance.now() time). */
  waitFor(pred, { since = -Infinity, timeoutMs = 120_000 } = {}) {
    const match = (e) => e.at >= since && pred(e);
    const hit = this.published.find(match);
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        reject(new Error(`${this.name}: no diagnostics within ${timeoutMs} ms\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const waiter = {
        pred: match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      };
      this.waiters.push(waiter);
    });
  }

  open(uri, languageId, text, version = 1) {
    return this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  change(uri, version, contentChanges) {
    return this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
  }

  close(uri) {
    return this.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request(method, params, token) {
    return this.conn.sendRequest(method, params, token);
  }

  /** Resident set size of the server process in MB (Linux /proc). */
  rssMB() {
    try {
      const m = /VmRSS:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    } catch {
      return NaN;
    }
  }

  async shutdown() {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.conn.sendNotification('exit');
    } catch {
      /* already gone */
    }
    const code = await Promise.race([this.exited, new Promise((r) => setTimeout(() => r('timeout'), 3000))]);
    if (code === 'timeout') this.proc.kill('SIGKILL');
    this.conn.dispose();
  }
}
